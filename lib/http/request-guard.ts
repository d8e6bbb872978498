// Requests refused before any work (proxy.ts): bodies larger than any form of the app, writes from
// other sites, and addresses no page could read (malformed percent-encoding, NUL characters).
import { isSameOriginRequest } from './request-context.ts';

/**
 * The largest body a form of the app posts (a progress update with twenty evidence items is well
 * under 100 kB). next.config.js sets the same limit for server actions and for what the proxy buffers.
 * The CSV import, which uploads files, has a route of its own with its own limit.
 */
export const BODY_LIMIT_BYTES = 1024 * 1024;

export interface Refusal {
  status: 400 | 403 | 411 | 413;
  /** What was wrong, in a sentence naming the parameter when there is one. */
  message: string;
  parameter?: string;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function decoded(raw: string, plusIsSpace: boolean): string | null {
  try {
    return decodeURIComponent(plusIsSpace ? raw.replaceAll('+', ' ') : raw);
  } catch {
    return null;
  }
}

/** The first path segment or query parameter that is not valid percent-encoded UTF-8 or holds NUL. */
export function malformedAddress(url: URL): Refusal | null {
  for (const segment of url.pathname.split('/')) {
    const value = decoded(segment, false);
    if (value === null) return { status: 400, message: 'The address is not valid: its path has a malformed percent-encoding.' };
    if (value.includes('\u0000')) return { status: 400, message: 'The address is not valid: its path contains a NUL character.' };
  }
  for (const pair of url.search.slice(1).split('&')) {
    if (!pair) continue;
    const separator = pair.indexOf('=');
    const rawName = separator === -1 ? pair : pair.slice(0, separator);
    const name = decoded(rawName, true);
    const value = separator === -1 ? '' : decoded(pair.slice(separator + 1), true);
    const parameter = (name ?? rawName).replaceAll('\u0000', '\\0').slice(0, 100);
    if (name === null || value === null) {
      return { status: 400, parameter, message: `The query parameter "${parameter}" has a malformed percent-encoding.` };
    }
    if (name.includes('\u0000') || value.includes('\u0000')) {
      return { status: 400, parameter, message: `The query parameter "${parameter}" contains a NUL character.` };
    }
  }
  return null;
}

/**
 * Refusals that need nothing but the request line and headers. A body is judged by its declared
 * length, before a byte of it is parsed; a body of unknown length (chunked) is refused outright, since
 * browsers always declare the length of what they post.
 */
export function refuseRequest(method: string, url: URL, headers: Headers): Refusal | null {
  const malformed = malformedAddress(url);
  if (malformed) return malformed;
  if (SAFE_METHODS.has(method)) return null;
  if (!isSameOriginRequest(headers, url.href)) return { status: 403, message: 'Cross-origin request refused.' };
  const length = headers.get('content-length');
  if (length === null) {
    return headers.has('transfer-encoding') ? { status: 411, message: 'A request body must declare its length (Content-Length).' } : null;
  }
  if (!/^\d+$/.test(length)) return { status: 400, message: 'Content-Length is not a number.' };
  if (Number(length) > BODY_LIMIT_BYTES) {
    return { status: 413, message: `The request body is larger than ${BODY_LIMIT_BYTES / 1024 / 1024} MB.` };
  }
  return null;
}

/** The refusal as a response: JSON for the open-data API (as its own 400s), plain text elsewhere. */
export function refusalResponse(refusal: Refusal, url: URL): Response {
  const headers = { 'Cache-Control': 'no-store', Connection: 'close' };
  if (url.pathname.startsWith('/api/')) {
    const error = { ...(refusal.parameter !== undefined && { parameter: refusal.parameter }), message: refusal.message };
    return Response.json({ error, errors: [error] }, { status: refusal.status, headers });
  }
  return new Response(`${refusal.message}\n`, {
    status: refusal.status,
    headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}
