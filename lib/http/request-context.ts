import { siteOrigin } from './site-url.ts';

/**
 * Rejects cross-site writes: a browser always sends Origin (or Sec-Fetch-Site) on a cross-origin
 * POST. Requests without either come from non-browser clients, which cannot carry a victim's cookies
 * by accident. The host compared is the one Next.js compares for server actions (the first
 * X-Forwarded-Host, else Host), so the proxy refuses exactly what Next.js would fail on.
 */
export function isSameOriginRequest(headers: Headers, requestUrl: string): boolean {
  const fetchSite = headers.get('sec-fetch-site');
  if (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') return false;
  const origin = headers.get('origin');
  if (!origin) return true;
  const host = headers.get('x-forwarded-host')?.split(',')[0]?.trim() || headers.get('host') || new URL(requestUrl).host;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** C0 controls (tab, CR, LF, NUL…) and DEL: browsers strip some of them from URLs, so `/\t/x` is `//x`. */
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * A redirect target from a link (`callbackUrl`): only a path of this site. The value is resolved
 * against the site's own origin as a browser would resolve it, so `//x`, `/\x`, `https:x` and the
 * like, which browsers read as another host, are refused by comparing origins rather than by
 * guessing at spellings; what comes back is the path, query and fragment alone.
 */
export function safeCallbackPath(value: unknown, fallback: string): string {
  if (typeof value !== 'string' || !value.startsWith('/') || CONTROL.test(value)) return fallback;
  const origin = siteOrigin();
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return fallback;
  }
  if (url.origin !== origin) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
