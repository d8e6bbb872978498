import { parseAuthConfig } from './auth/config.ts';

/**
 * Fails closed: without a usable NEXTAUTH_SECRET (or with a plain-HTTP NEXTAUTH_URL outside local
 * development) the server refuses to start and says why in one line.
 */
export function checkConfigurationOrExit() {
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  try {
    parseAuthConfig(process.env);
  } catch (error) {
    console.error(`ittifaq: ${(error as Error).message} The server will not start without it.`);
    process.exit(1);
  }
}
