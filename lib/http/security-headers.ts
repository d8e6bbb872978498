// The Content-Security-Policy carries a fresh nonce per response (set in proxy.ts); Next.js reads it
// from the request and stamps its own scripts with it. The other security headers are static and set
// for every path in next.config.js, so error pages and static files carry them too.

export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}

export function contentSecurityPolicy(nonce: string, options: { development: boolean; https: boolean }): string {
  const directives = [
    `default-src 'self'`,
    // 'strict-dynamic' lets the nonce-bearing framework scripts load their chunks; eval only in dev.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? ` 'unsafe-eval'` : ''}`,
    `style-src 'self' ${options.development ? `'unsafe-inline'` : `'nonce-${nonce}'`}`,
    `img-src 'self' data:`,
    `font-src 'self'`,
    `connect-src 'self'`,
    `object-src 'none'`,
    `base-uri 'none'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
    ...(options.https ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}
