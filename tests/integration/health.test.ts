import net from 'node:net';
import { describe, expect, it } from 'vitest';

describe('GET /api/health', () => {
  it('answers 200 when the database is reachable', async () => {
    const { GET } = await import('../../app/api/health/route.ts');
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok',
      database: 'up',
      cache: { entries: 0, bytes: 0, maxBytes: expect.any(Number), trusted: false },
    });
  });

  it('answers 503, not a crash, when the database is unreachable', async () => {
    const { disconnectDb } = await import('../../lib/db.ts');
    await disconnectDb();
    const closedPort = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as net.AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const reachable = process.env.DATABASE_URL;
    process.env.DATABASE_URL = `postgresql://nobody:nothing@127.0.0.1:${closedPort}/none`;
    try {
      const { GET } = await import('../../app/api/health/route.ts');
      const response = await GET();
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: 'unavailable', database: 'down' });
    } finally {
      await disconnectDb();
      process.env.DATABASE_URL = reachable;
    }
  });
});
