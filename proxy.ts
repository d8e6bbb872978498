// Runs before every route. It sets the per-request Content-Security-Policy nonce, keeps the session
// cookie's idle clock running, and sends signed-out visitors of signed-in areas to the sign-in page.
// It is NOT the security check: every page, action and data function checks the permission table.
import { NextResponse, type NextRequest } from 'next/server';
import { authConfig, cookieOptions, ABSOLUTE_TIMEOUT_SECONDS } from './lib/auth/config.ts';
import { decodeSession, encodeSession, nowSeconds, sessionIsCurrent } from './lib/auth/session-token.ts';
import { contentSecurityPolicy, newNonce } from './lib/http/security-headers.ts';

const SIGNED_IN_AREAS = ['/workspace', '/admin', '/account'];
/** Responses a CDN or reverse proxy may keep and hand to anyone (lib/api/responses.ts): never a cookie on them. */
const SHARED_CACHEABLE = /^\/(api\/v1\/|feed\.xml$)/;
/** Refresh the idle clock at most once a minute. */
const REFRESH_AFTER_SECONDS = 60;

function inSignedInArea(pathname: string) {
  return SIGNED_IN_AREAS.some((area) => pathname === area || pathname.startsWith(`${area}/`));
}

export async function proxy(request: NextRequest) {
  const config = authConfig();
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === 'development', https: config.secureCookies });

  const token = request.cookies.get(config.sessionCookie)?.value;
  const claims = token ? await decodeSession(token, config.secret) : null;
  const current = claims !== null && sessionIsCurrent(claims);

  let response: NextResponse;
  // Only page loads are redirected. A form submitted after the session ended must reach its server
  // action, which answers "session expired" and hands back what was typed instead of losing it.
  const navigation = request.method === 'GET' || request.method === 'HEAD';
  if (!current && navigation && inSignedInArea(request.nextUrl.pathname)) {
    const signIn = new URL('/sign-in', request.url);
    signIn.searchParams.set('callbackUrl', `${request.nextUrl.pathname}${request.nextUrl.search}`);
    response = NextResponse.redirect(signIn, 303);
  } else {
    const headers = new Headers(request.headers);
    headers.set('x-nonce', nonce);
    headers.set('Content-Security-Policy', csp);
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set('Content-Security-Policy', csp);

  // A shared cache keeping a Set-Cookie would hand one reader's session to every other (or sign them all out).
  if (SHARED_CACHEABLE.test(request.nextUrl.pathname)) return response;
  if (token && !current) response.cookies.delete(config.sessionCookie);
  if (claims && current && nowSeconds() - claims.ls > REFRESH_AFTER_SECONDS) {
    const refreshed = await encodeSession({ ...claims, ls: nowSeconds() }, config.secret);
    response.cookies.set(config.sessionCookie, refreshed, cookieOptions(ABSOLUTE_TIMEOUT_SECONDS));
  }
  return response;
}

export const config = {
  // Everything but static build assets, which carry the static headers from next.config.js.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
