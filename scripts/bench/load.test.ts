import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import PipelinedRequestsQueue from 'autocannon/lib/pipelinedRequestsQueue.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLoad } from './load.ts';

describe('autocannon as the benchmark drives it', () => {
  it('keeps a response body only for a request that reads it', () => {
    const queue = new PipelinedRequestsQueue();
    queue.insertRequest({});
    queue.addBody(Buffer.from('unread'));
    expect(queue.peek()?.body).toBe('');

    const reading = new PipelinedRequestsQueue();
    reading.insertRequest({ onResponse: () => {} });
    reading.addBody(Buffer.from('read '));
    reading.addBody(Buffer.from('twice'));
    expect(reading.peek()?.body).toBe('read twice');
  });

  describe('against a server', () => {
    let server: Server;
    let baseUrl: string;
    const page = gzipSync(Buffer.from('<p>ok</p>'.repeat(2000)));

    beforeAll(async () => {
      server = createServer((request, response) => {
        if (request.url === '/action') return void response.end(request.headers['x-outcome'] === 'refused' ? 'refused' : 'saved');
        response.writeHead(200, { 'content-encoding': 'gzip', 'content-length': page.length }).end(page);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('still hands a reading request its whole body, and counts the refusals', async () => {
      const action = {
        method: 'GET',
        path: '/action',
        isSuccess: (status: number, body: string) => status === 200 && body === 'saved',
      } as const;
      const saved = await runLoad(baseUrl, action, { connections: 2, duration: 1 });
      expect(saved.requests).toBeGreaterThan(0);
      expect(saved.errors).toBe(0);

      const refused = await runLoad(baseUrl, { ...action, headers: { 'x-outcome': 'refused' } }, { connections: 2, duration: 1 });
      expect(refused.errors).toBe(refused.requests);
    });

    it('receives unread bodies in full', async () => {
      const result = await runLoad(baseUrl, { method: 'GET', path: '/page' }, { connections: 2, duration: 1 });
      expect(result.requests).toBeGreaterThan(0);
      expect(result.errors).toBe(0);
      expect(result.statusCodes).toEqual({ '200': result.requests });
      expect(result.bytes / result.requests).toBeGreaterThan(page.length);
    });
  });
});
