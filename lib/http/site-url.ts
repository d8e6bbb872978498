import 'server-only';
import { headers } from 'next/headers';

/**
 * The app's public origin for links shown to people (set-password links): NEXTAUTH_URL when it is
 * set, which a Host header cannot change, else the origin of the current request.
 */
export async function siteOrigin(): Promise<string> {
  if (process.env.NEXTAUTH_URL) return new URL(process.env.NEXTAUTH_URL).origin;
  const list = await headers();
  const host = list.get('x-forwarded-host') ?? list.get('host') ?? 'localhost:3000';
  const protocol = list.get('x-forwarded-proto') ?? (/^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(host) ? 'http' : 'https');
  return `${protocol}://${host}`;
}
