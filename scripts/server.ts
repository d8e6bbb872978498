// The production server: Next.js's request handler behind the public response cache (lib: page-cache.ts).
// Started by `npm start`, the e2e server and the benchmark instead of `next start`; HOST and PORT
// choose where it listens.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import next from 'next';
import { matchesEtag } from '../lib/api/responses.ts';
import { newNonce } from '../lib/http/security-headers.ts';
import { cacheKey, PageCache, PUBLIC_VERSION, representation, storable } from './lib/page-cache.ts';

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST;
const cache = new PageCache({ maxBytes: 64 * 1024 * 1024, ttlMs: 60_000 });
const shared = globalThis as { [PUBLIC_VERSION]?: number };
const publicVersion = () => shared[PUBLIC_VERSION] ?? 0;

const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();

/** Lets the response stream to the client while keeping a copy, stored if it may be shared. */
function capture(key: string, request: IncomingMessage, response: ServerResponse) {
  const version = publicVersion();
  // The copy is stored uncompressed, so the nonce can be swapped in it; it is compressed once, when stored.
  delete request.headers['accept-encoding'];
  const chunks: Buffer[] = [];
  const write = response.write.bind(response);
  const end = response.end.bind(response);
  const keep = (chunk: unknown) => {
    if (chunk && typeof chunk !== 'function') chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  };
  response.write = ((chunk: unknown, ...rest: unknown[]) => {
    keep(chunk);
    return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof response.write;
  response.end = ((chunk?: unknown, ...rest: unknown[]) => {
    keep(chunk);
    // Not for HEAD: its empty body is not the page, and compressing it would be wasted.
    const page =
      request.method === 'GET' ? storable(response.statusCode, response.getHeaders(), Buffer.concat(chunks), version, Date.now()) : null;
    if (page) cache.set(key, page);
    return (end as (...args: unknown[]) => ServerResponse)(chunk, ...rest);
  }) as typeof response.end;
  response.setHeader('x-ittifaq-cache', 'miss');
}

function serve(request: IncomingMessage, response: ServerResponse): boolean {
  const key = cacheKey(request);
  if (!key) return false;
  const page = cache.get(key, publicVersion(), Date.now());
  if (!page) {
    capture(key, request, response);
    return false;
  }
  const { headers, body, encoding } = representation(page, newNonce(), request.headers['accept-encoding']);
  // Matched against the stored, strong ETag: matchesEtag takes a client's weak copy of it as a match too.
  const etag = page.headers.etag;
  if (typeof etag === 'string' && matchesEtag(request.headers['if-none-match'] ?? null, etag)) {
    // The validators RFC 9110 asks a 304 to repeat (the ETag in the form this client gets, and Vary) and
    // the security headers, but no Content-Encoding, which a cache must not take over into its stored copy.
    response.writeHead(304, { ...headers, 'x-ittifaq-cache': 'hit' });
    response.end();
    return true;
  }
  const bytes = body();
  response.writeHead(200, {
    ...headers,
    ...(encoding && { 'content-encoding': encoding }),
    'content-length': bytes.length,
    'x-ittifaq-cache': 'hit',
  });
  response.end(request.method === 'HEAD' ? undefined : bytes);
  return true;
}

await app.prepare();
createServer((request, response) => {
  if (!serve(request, response)) void handle(request, response);
}).listen(port, hostname, () => {
  console.log(`✓ Ready on http://${hostname ?? 'localhost'}:${port}`);
});
