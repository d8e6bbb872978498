/**
 * The client's address as the nearest proxy reports it: the last X-Forwarded-For entry (added by the
 * proxy in front of the app, or by Next.js from the socket). Used for throttling only; account-level
 * limits do not depend on it.
 */
export function clientAddress(headers: Headers): string | null {
  const forwarded = headers.get('x-forwarded-for');
  const last = forwarded
    ?.split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .at(-1);
  return last ?? headers.get('x-real-ip') ?? null;
}

/**
 * Rejects cross-site writes to route handlers: a browser always sends Origin (or Sec-Fetch-Site) on
 * a cross-origin POST. Requests without either come from non-browser clients, which cannot carry a
 * victim's cookies by accident.
 */
export function isSameOriginRequest(headers: Headers, requestUrl: string): boolean {
  const fetchSite = headers.get('sec-fetch-site');
  if (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') return false;
  const origin = headers.get('origin');
  if (!origin) return true;
  const host = headers.get('x-forwarded-host') ?? headers.get('host') ?? new URL(requestUrl).host;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** Only same-site relative paths, so a sign-in link cannot bounce the user to another site. */
export function safeCallbackPath(value: unknown, fallback: string): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return fallback;
  return value;
}
