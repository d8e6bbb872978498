/**
 * The app's public origin, for every absolute link it hands out (set-password links, the feed) and
 * for resolving redirect targets: NEXTAUTH_URL, as configured. Never the request's Host or
 * X-Forwarded-* headers, which whoever sends the request chooses.
 */
export function siteOrigin(): string {
  return new URL(process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).origin;
}
