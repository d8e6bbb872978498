import { parseAuthConfig } from './auth/config.ts';
import { parseTrustedProxies, watchClientAddresses } from './http/client-address.ts';

import { startCacheInvalidation } from './cache/memory-cache-handler.mjs';

const HOUR = 60 * 60 * 1000;

/**
 * Fails closed: without a usable NEXTAUTH_SECRET (or with a plain-HTTP NEXTAUTH_URL outside local
 * development, or an ITTIFAQ_TRUSTED_PROXIES that is not a list of addresses) the server refuses to
 * start and says why in one line. Then every request gets its client address stamped.
 */
export function checkConfigurationOrExit() {
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  try {
    parseAuthConfig(process.env);
    watchClientAddresses(parseTrustedProxies(process.env.ITTIFAQ_TRUSTED_PROXIES));
  } catch (error) {
    console.error(`ittifaq: ${(error as Error).message} The server will not start without it.`);
    process.exit(1);
  }
}

/** Keeps date-dependent scores current: shortly after start, then every hour. */
export function startScoreRefresh() {
  if (process.env.NEXT_PHASE === 'phase-production-build' || process.env.ITTIFAQ_SCORE_REFRESH === 'off') return;
  const refresh = async () => {
    try {
      const { refreshStaleScores } = await import('./data/maintenance.ts');
      const count = await refreshStaleScores();
      if (count === null) console.log('ittifaq: another instance is refreshing the scores');
      else if (count > 0) console.log(`ittifaq: refreshed the scores of ${count} agreements for today`);
    } catch (error) {
      console.error('ittifaq: refreshing scores failed', error);
    }
  };
  setTimeout(refresh, 5_000).unref();
  setInterval(refresh, HOUR).unref();
}

/** Connects this instance's cache to every instance's invalidations now, rather than at the first request. */
export function connectCache() {
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  void startCacheInvalidation();
}
