// The client's address, decided once per request where the socket is known. Next.js's server sets
// X-Forwarded-For from the socket only when a request does not carry one, so behind no proxy anyone
// could name any address; neither the proxy (proxy.ts) nor a route ever sees the socket. Node's
// `http.server.request.start` diagnostics channel does: it fires for every request of the process's
// HTTP server (next start, or a custom server), before Next.js sees it. There the address is worked
// out from the socket and the trusted proxies (ITTIFAQ_TRUSTED_PROXIES) and stamped on the request
// in a header, with a token only this process knows, so a client cannot supply a stamp of its own.
import { randomBytes } from 'node:crypto';
import { subscribe } from 'node:diagnostics_channel';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { BlockList, isIP, type Socket } from 'node:net';

export const CLIENT_ADDRESS_HEADER = 'x-ittifaq-client-address';

const shared = globalThis as { [TOKEN]?: string; [WATCHING]?: boolean };
const TOKEN = Symbol.for('ittifaq.client-address.token');
const WATCHING = Symbol.for('ittifaq.client-address.watching');

/** The process's stamp token: one per process, shared by the proxy's and the app's module copies. */
function token(): string {
  shared[TOKEN] ??= randomBytes(16).toString('hex');
  return shared[TOKEN];
}

/** `::ffff:192.0.2.1` (IPv4 on a dual-stack socket) as `192.0.2.1`; anything not an address as null. */
export function normaliseAddress(value: string | undefined | null): string | null {
  const trimmed = value?.trim().replace(/^\[(.*)\]$/, '$1');
  if (!trimmed) return null;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  const address = mapped ? mapped[1]! : trimmed;
  return isIP(address) ? address : null;
}

/**
 * ITTIFAQ_TRUSTED_PROXIES: addresses and CIDR ranges (`10.0.0.0/8`, `::1`), separated by commas or
 * spaces. Throws naming the first entry that is neither.
 */
export function parseTrustedProxies(value: string | undefined): BlockList {
  const list = new BlockList();
  for (const entry of (value ?? '').split(/[\s,]+/).filter(Boolean)) {
    const [address, prefix, extra] = entry.split('/');
    const normalised = normaliseAddress(address);
    const family = normalised ? (isIP(normalised) === 6 ? 'ipv6' : 'ipv4') : null;
    const bits = prefix === undefined ? null : Number(prefix);
    const maxBits = family === 'ipv6' ? 128 : 32;
    if (!normalised || !family || extra !== undefined || (bits !== null && !(Number.isInteger(bits) && bits >= 0 && bits <= maxBits))) {
      throw new Error(`ITTIFAQ_TRUSTED_PROXIES: "${entry}" is not an IP address or a CIDR range such as 10.0.0.0/8.`);
    }
    if (bits === null) list.addAddress(normalised, family);
    else list.addSubnet(normalised, bits, family);
  }
  return list;
}

function trusts(list: BlockList, address: string): boolean {
  return list.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
}

function headerValues(headers: IncomingHttpHeaders, name: string): string[] {
  const value = headers[name];
  return (Array.isArray(value) ? value : value ? [value] : []).flatMap((line) => line.split(','));
}

/**
 * The client behind `socketAddress`. A peer that is not a trusted proxy is the client, whatever it
 * says. A trusted one's X-Forwarded-For is read from the right (each proxy appends the address it saw)
 * past the trusted hops to the first address that is not one; X-Real-IP serves when a proxy sets only
 * that. An entry that is not an address ends the walk at the last hop known to be sound.
 */
export function resolveClientAddress(socketAddress: string | undefined, headers: IncomingHttpHeaders, trusted: BlockList): string | null {
  let client = normaliseAddress(socketAddress);
  if (!client || !trusts(trusted, client)) return client;
  const forwarded = headerValues(headers, 'x-forwarded-for');
  const hops = forwarded.length ? forwarded : headerValues(headers, 'x-real-ip').slice(-1);
  for (const hop of hops.reverse()) {
    const address = normaliseAddress(hop);
    if (!address) break;
    client = address;
    if (!trusts(trusted, address)) break;
  }
  return client;
}

/** Writes the stamp, replacing any header of that name the client sent. */
export function stampClientAddress(headers: IncomingHttpHeaders, address: string | null) {
  headers[CLIENT_ADDRESS_HEADER] = `${token()} ${address ?? ''}`;
}

/** Stamps every request this process's HTTP server receives from now on. */
export function watchClientAddresses(trusted: BlockList) {
  if (shared[WATCHING]) return;
  shared[WATCHING] = true;
  subscribe('http.server.request.start', (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    stampClientAddress(request.headers, resolveClientAddress(socket.remoteAddress, request.headers, trusted));
  });
}

/**
 * The client's address for throttling and the audit log, from the stamp; null when the request was not
 * stamped by this process (it arrived before the server was ready, or outside a server), so a header a
 * client wrote itself never counts.
 */
export function clientAddress(headers: Headers): string | null {
  const [stampToken, address] = (headers.get(CLIENT_ADDRESS_HEADER) ?? '').split(' ');
  return stampToken === token() && address ? address : null;
}
