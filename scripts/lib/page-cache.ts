// A cache of whole public responses in front of the Next.js renderer. Every page is rendered per
// request because it carries a per-request CSP nonce; for anonymous visitors the same URL renders the
// same bytes apart from that nonce, so a stored copy is served with a fresh nonce swapped in. The open
// data (JSON and CSV under /api/v1) is the same for every reader and is kept as it is; the feed is not,
// since its links carry the host the reader used. Entries are discarded when the app invalidates any
// public data (the app bumps a counter on globalThis, which the server shares with it) and after a
// minute at most (pages mention today's date).
//
// What a hit costs a client is mostly its bytes (an agreement's page is over 200 kB of HTML), so hits
// go out gzip-compressed to clients that accept it. Compressing per request would cost ~4 ms of CPU
// per such page, so the compressed form is built once, when the page is stored: each piece between two
// nonces is deflated on its own, ending on a byte boundary, and a hit splices its fresh nonce in
// between them as an uncompressed (stored) deflate block. Each piece's CRC-32 is kept too, so a hit
// checksums only its nonces.
import zlib from 'node:zlib';

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
  /** The segments compressed, one for one. */
  deflated: DeflatedSegment[];
  /** Null for open data: served as stored. */
  nonce: string | null;
  /** What the entry holds in memory: the body and its compressed form. */
  bytes: number;
  version: number;
  storedAt: number;
}

interface DeflatedSegment {
  bytes: Buffer;
  crc: number;
  /** What appending this segment does to a running CRC-32 (see appendCrc). */
  shift: number;
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
export function storable(
  status: number,
  headers: Record<string, string | string[] | number | undefined>,
  body: Buffer,
  version: number,
  now: number,
): StoredPage | null {
  const contentType = String(headers['content-type'] ?? '');
  const csp = String(headers['content-security-policy'] ?? '');
  const nonce = NONCE.exec(csp)?.[1] ?? null;
  if (status !== 200 || headers['set-cookie'] !== undefined) return null;
  if (contentType.startsWith('text/html') ? !nonce : !OPEN_DATA.test(contentType)) return null;
  const kept: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !TRANSFER_HEADERS.has(name)) kept[name] = typeof value === 'number' ? String(value) : value;
  }
  const segments = nonce ? split(body, nonce) : [body];
  const deflated = segments.map(deflateSegment);
  const bytes = body.length + deflated.reduce((total, segment) => total + segment.bytes.length, 0);
  return { headers: kept, segments, deflated, nonce, bytes, version, storedAt: now };
}

function headersWithNonce(page: StoredPage, nonce: string): Record<string, string | string[]> {
  if (page.nonce === null) return page.headers;
  return { ...page.headers, 'content-security-policy': String(page.headers['content-security-policy']).replaceAll(page.nonce, nonce) };
}

/** The stored body with a new nonce in every script it stamped. */
export function withNonce(page: StoredPage, nonce: string): Buffer {
  if (page.nonce === null) return page.segments[0]!;
  const fresh = Buffer.from(nonce, 'latin1');
  return Buffer.concat(page.segments.flatMap((segment, index) => (index === 0 ? [segment] : [fresh, segment])));
}

function deflateSegment(segment: Buffer): DeflatedSegment {
  // A compressor of its own per segment, so no back-reference reaches into a nonce; the sync flush ends
  // the piece on a byte boundary without marking it the last block.
  const bytes = zlib.deflateRawSync(segment, { level: 6, finishFlush: zlib.constants.Z_SYNC_FLUSH });
  return { bytes, crc: zlib.crc32(segment), shift: crcShift(segment.length) };
}

/** ID1 ID2, deflate, no flags, no modification time, no extra flags, Unix: RFC 1952 §2.3. */
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
/** An empty stored block marked last, closing the deflate stream. */
const LAST_BLOCK = Buffer.from([1, 0, 0, 0xff, 0xff]);

/** The header of a stored deflate block (RFC 1951 §3.2.4) of `length` bytes, not the last one. */
function storedBlockHeader(length: number): Buffer {
  const header = Buffer.alloc(5);
  header.writeUInt16LE(length, 1);
  header.writeUInt16LE(~length & 0xffff, 3);
  return header;
}

/** withNonce's body gzip-compressed, built from the segments compressed when the page was stored. */
export function gzippedWithNonce(page: StoredPage, nonce: string): Buffer {
  const fresh = Buffer.from(nonce, 'latin1');
  const nonceBlock = storedBlockHeader(fresh.length);
  const parts: Buffer[] = [GZIP_HEADER];
  let crc = 0;
  let length = 0;
  page.deflated.forEach((segment, index) => {
    if (index > 0) {
      parts.push(nonceBlock, fresh);
      crc = zlib.crc32(fresh, crc);
      length += fresh.length;
    }
    parts.push(segment.bytes);
    crc = appendCrc(crc, segment);
    length += page.segments[index]!.length;
  });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc, 0);
  trailer.writeUInt32LE(length >>> 0, 4);
  parts.push(LAST_BLOCK, trailer);
  return Buffer.concat(parts);
}

// CRC-32 arithmetic as in zlib's crc32_combine: polynomials over GF(2) modulo the CRC polynomial, in
// its reflected bit order (x^0 is the top bit). The CRC of A then B is CRC(A)·x^(8·|B|) + CRC(B).
const CRC_POLYNOMIAL = 0xedb88320;

function multiplyModCrc(a: number, b: number): number {
  let product = 0;
  for (let bit = 0x80000000; bit !== 0; bit >>>= 1) {
    if (a & bit) product ^= b;
    b = b & 1 ? (b >>> 1) ^ CRC_POLYNOMIAL : b >>> 1;
  }
  return product >>> 0;
}

/** x^(8·length): the factor by which appending `length` bytes multiplies the CRC before them. */
function crcShift(length: number): number {
  let shift = 0x80000000;
  for (let square = 0x00800000; length > 0; length >>>= 1) {
    if (length & 1) shift = multiplyModCrc(square, shift);
    square = multiplyModCrc(square, square);
  }
  return shift;
}

function appendCrc(crc: number, segment: DeflatedSegment): number {
  return (multiplyModCrc(segment.shift, crc) ^ segment.crc) >>> 0;
}

/** Whether an Accept-Encoding field admits gzip: named with a non-zero weight, or else `*` with one. */
export function acceptsGzip(acceptEncoding: string | string[] | undefined): boolean {
  let gzip: number | undefined;
  let wildcard: number | undefined;
  for (const item of [acceptEncoding ?? []].flat().join(',').split(',')) {
    const [coding, ...parameters] = item.split(';').map((part) => part.trim().toLowerCase());
    const q = parameters.find((parameter) => parameter.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    // RFC 9110 §8.4.1.3 asks x-gzip to be taken as gzip.
    if (coding === 'gzip' || coding === 'x-gzip') gzip = weight;
    else if (coding === '*') wildcard = weight;
  }
  return (gzip ?? wildcard ?? 0) > 0;
}

/** The ETag of a compressed copy: weak, as nginx makes it, since its bytes are not the plain copy's. */
export function weakEtag(etag: string): string {
  return etag.startsWith('W/') ? etag : `W/${etag}`;
}

/** A Vary field that also names Accept-Encoding. */
export function varyOnEncoding(vary: string | string[] | undefined): string {
  const names = [vary ?? []]
    .flat()
    .join(',')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (names.some((name) => name === '*' || name.toLowerCase() === 'accept-encoding')) return names.join(', ');
  return [...names, 'Accept-Encoding'].join(', ');
}

interface Representation {
  headers: Record<string, string | string[]>;
  encoding: 'gzip' | null;
  body: () => Buffer;
}

/**
 * What one request is sent of a stored page: gzip-compressed if it accepts gzip, with a fresh nonce
 * (in the policy and the body) either way. `headers` suit a 200 and a 304 alike; `encoding` and the
 * body are for the 200 alone, so the body is built only when asked for.
 */
export function representation(page: StoredPage, nonce: string, acceptEncoding: string | string[] | undefined): Representation {
  const headers: Record<string, string | string[]> = { ...headersWithNonce(page, nonce), vary: varyOnEncoding(page.headers.vary) };
  if (!acceptsGzip(acceptEncoding)) return { headers, encoding: null, body: () => withNonce(page, nonce) };
  const etag = headers.etag;
  return {
    headers: { ...headers, ...(typeof etag === 'string' && { etag: weakEtag(etag) }) },
    encoding: 'gzip',
    body: () => gzippedWithNonce(page, nonce),
  };
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
