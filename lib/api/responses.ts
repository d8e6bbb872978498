// Responses of the open-data endpoints, cacheable by anyone. The ETag is a hash of the body, so a
// changed record changes it and an unchanged one answers 304.
import { createHash } from 'node:crypto';
import type { QueryIssue } from '../validation/public-query.ts';

/**
 * Browsers revalidate on every use (an unchanged copy costs a 304). A CDN or reverse proxy may serve its
 * copy for 5 seconds without asking, and for 30 more while it fetches a fresh one in the background, so
 * a change reaches readers behind one within 35 seconds while the app answers one request per copy
 * every 5 seconds at most. Readers of the app itself see a change at once.
 */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, s-maxage=5, stale-while-revalidate=30';

/**
 * Weak: Next.js's server gzip-compresses the body for clients that accept it, and the one validator
 * stands for the plain and the compressed bytes alike (they are equivalent, not identical).
 */
export function etagOf(body: string): string {
  return `W/"${createHash('sha256').update(body).digest('base64url')}"`;
}

const opaque = (tag: string) => tag.trim().replace(/^W\//, '');

/** Whether an If-None-Match header names this ETag (weak comparison, as RFC 9110 asks for it). */
export function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((candidate) => opaque(candidate) === opaque(etag));
}

/** `headers` go with the 200 and the 304 alike (a Vary among them replaces the default one). */
export function cacheableResponse(request: Request, body: string, contentType: string, headers: Record<string, string> = {}): Response {
  const etag = etagOf(body);
  const common = { ETag: etag, 'Cache-Control': PUBLIC_CACHE_CONTROL, Vary: 'Accept-Encoding', ...headers };
  if (matchesEtag(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers: common });
  return new Response(body, { status: 200, headers: { ...common, 'Content-Type': contentType } });
}

export function jsonResponse(request: Request, data: unknown): Response {
  return cacheableResponse(request, JSON.stringify(data), 'application/json; charset=utf-8');
}

/** 400 naming the first bad parameter; `errors` lists every one. */
export function badRequest(issues: readonly QueryIssue[]): Response {
  const [first] = issues;
  return Response.json({ error: first, errors: issues }, { status: 400, headers: { 'Cache-Control': 'no-store' } });
}

export function notFoundResponse(message: string): Response {
  return Response.json({ error: { message } }, { status: 404, headers: { 'Cache-Control': 'no-store' } });
}
