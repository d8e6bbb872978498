// A cache of whole public responses in front of the Next.js renderer. Every page is rendered per
// request because it carries a per-request CSP nonce; for anonymous visitors the same URL renders the
// same bytes apart from that nonce, so a stored copy is served with a fresh nonce swapped in. The open
// data (JSON and CSV under /api/v1) is the same for every reader and is kept as it is; the feed is not,
// since its links carry the host the reader used. Entries are discarded when the app invalidates any
// public data (the app bumps a counter on globalThis, which the server shares with it) and after a
// minute at most (pages mention today's date).

/** Paths of public pages and of the open data. */
const PUBLIC_PATHS = /^\/(|agreements(\/[^/.]+)?|sectors\/[^/.]+|parties(\/[^/.]+)?|methodology|about|api\/v1\/[^?]+)$/;
/** Open-data responses worth keeping whole; HTML is kept only with a nonce to swap. */
const OPEN_DATA = /^(application\/json|text\/csv)\b/;
/** Requests from the client router (RSC payloads, prefetches, actions) vary by more than the URL. */
const ROUTER_HEADERS = ['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-action', 'next-url'];
const SIGNED_IN = /(?:^|;\s*)(?:__Host-)?ittifaq\.(?:session|second-factor)=/;
const NONCE = /'nonce-([A-Za-z0-9+/=]+)'/;

export const PUBLIC_VERSION = Symbol.for('ittifaq.public-version');

export interface RequestShape {
  method?: string;
  url?: string;
  headers: Record<string, string | string[] | undefined>;
}

/** The cache key of a request whose response may be shared, or null. */
export function cacheKey(request: RequestShape): string | null {
  if (request.method !== 'GET' && request.method !== 'HEAD') return null;
  if (ROUTER_HEADERS.some((name) => request.headers[name] !== undefined)) return null;
  const cookie = request.headers.cookie;
  if (typeof cookie === 'string' && SIGNED_IN.test(cookie)) return null;
  const url = new URL(request.url ?? '/', 'http://cache.invalid');
  return PUBLIC_PATHS.test(url.pathname) ? `${url.pathname}${url.search}` : null;
}

export interface StoredPage {
  headers: Record<string, string | string[]>;
  /** The body cut at every occurrence of the nonce, so serving a copy is a copy of bytes. */
  segments: Buffer[];
  /** Null for open data: served as stored. */
  nonce: string | null;
  bytes: number;
  version: number;
  storedAt: number;
}

function split(body: Buffer, nonce: string): Buffer[] {
  const needle = Buffer.from(nonce, 'latin1');
  const segments: Buffer[] = [];
  let from = 0;
  for (let at = body.indexOf(needle, from); at !== -1; at = body.indexOf(needle, from)) {
    segments.push(body.subarray(from, at));
    from = at + needle.length;
  }
  segments.push(body.subarray(from));
  return segments;
}

/** Headers that describe one transfer, not the page. */
const TRANSFER_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'date', 'content-encoding']);

/** What to keep of a finished response, or null when it must not be shared. */
export function storable(status: number, headers: Record<string, string | string[] | number | undefined>, body: Buffer, version: number, now: number): StoredPage | null {
  const contentType = String(headers['content-type'] ?? '');
  const csp = String(headers['content-security-policy'] ?? '');
  const nonce = NONCE.exec(csp)?.[1] ?? null;
  if (status !== 200 || headers['set-cookie'] !== undefined) return null;
  if (contentType.startsWith('text/html') ? !nonce : !OPEN_DATA.test(contentType)) return null;
  const kept: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !TRANSFER_HEADERS.has(name)) kept[name] = typeof value === 'number' ? String(value) : value;
  }
  return { headers: kept, segments: nonce ? split(body, nonce) : [body], nonce, bytes: body.length, version, storedAt: now };
}

/** The stored page with a new nonce in its Content-Security-Policy and in every script it stamped. */
export function withNonce(page: StoredPage, nonce: string): { headers: Record<string, string | string[]>; body: Buffer } {
  if (page.nonce === null) return { headers: page.headers, body: page.segments[0]! };
  const headers = { ...page.headers, 'content-security-policy': String(page.headers['content-security-policy']).replaceAll(page.nonce, nonce) };
  const fresh = Buffer.from(nonce, 'latin1');
  const parts = page.segments.flatMap((segment, index) => (index === 0 ? [segment] : [fresh, segment]));
  return { headers, body: Buffer.concat(parts) };
}

export class PageCache {
  private readonly entries = new Map<string, StoredPage>();
  private bytes = 0;

  constructor(private readonly options: { maxBytes: number; ttlMs: number }) {}

  get(key: string, version: number, now: number): StoredPage | null {
    const page = this.entries.get(key);
    if (!page) return null;
    if (page.version !== version || now - page.storedAt > this.options.ttlMs) {
      this.delete(key);
      return null;
    }
    // Least recently used last out: re-insert on every hit.
    this.entries.delete(key);
    this.entries.set(key, page);
    return page;
  }

  set(key: string, page: StoredPage) {
    this.delete(key);
    this.entries.set(key, page);
    this.bytes += page.bytes;
    for (const [oldest] of this.entries) {
      if (this.bytes <= this.options.maxBytes) break;
      this.delete(oldest);
    }
  }

  get size() {
    return this.entries.size;
  }

  private delete(key: string) {
    const page = this.entries.get(key);
    if (!page) return;
    this.bytes -= page.bytes;
    this.entries.delete(key);
  }
}
