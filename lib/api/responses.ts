// Responses of the open-data endpoints: cacheable by anyone, revalidated on every use. The ETag is a
// hash of the body, so a changed record changes it and an unchanged one answers 304.
import { createHash } from 'node:crypto';
import type { QueryIssue } from '../validation/public-query.ts';

export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, must-revalidate';

export function etagOf(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url')}"`;
}

/** Whether an If-None-Match header names this ETag (weak comparison, as RFC 9110 asks for it). */
export function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}

export function cacheableResponse(request: Request, body: string, contentType: string, headers: Record<string, string> = {}): Response {
  const etag = etagOf(body);
  const common = { ETag: etag, 'Cache-Control': PUBLIC_CACHE_CONTROL, Vary: 'Accept-Encoding' };
  if (matchesEtag(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers: common });
  return new Response(body, { status: 200, headers: { ...common, 'Content-Type': contentType, ...headers } });
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
