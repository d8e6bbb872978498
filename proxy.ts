// Runs before every route but the CSV upload (which streams its body itself). It refuses what no
// route should see (lib/http/request-guard.ts: oversized bodies before they are parsed, cross-origin
// writes, malformed addresses), sets the per-request Content-Security-Policy nonce, and sends
// visitors without a session cookie away from signed-in areas to the sign-in page. It is NOT the
// security check: every page, action and data function checks the session and the permission table.
import { NextResponse, type NextRequest } from 'next/server';
import { authConfig } from './lib/auth/config.ts';
import { refusalResponse, refuseRequest } from './lib/http/request-guard.ts';
import { contentSecurityPolicy, newNonce } from './lib/http/security-headers.ts';

const SIGNED_IN_AREAS = ['/workspace', '/admin', '/account'];

function inSignedInArea(pathname: string) {
  return SIGNED_IN_AREAS.some((area) => pathname === area || pathname.startsWith(`${area}/`));
}

export async function proxy(request: NextRequest) {
  const url = new URL(request.url);
  const refusal = refuseRequest(request.method, url, request.headers);
  if (refusal) return refusalResponse(refusal, url);

  const config = authConfig();
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === 'development', https: config.secureCookies });

  let response: NextResponse;
  // Only page loads are redirected, and only without any session cookie: whether a cookie still
  // stands for an open session is the page's question (lib/auth/page-guard.ts). A form submitted after
  // the session ended must reach its server action, which answers "session expired" and hands back what
  // was typed instead of losing it.
  const navigation = request.method === 'GET' || request.method === 'HEAD';
  if (navigation && !request.cookies.has(config.sessionCookie) && inSignedInArea(request.nextUrl.pathname)) {
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
  return response;
}

export const config = {
  // Everything but static build assets, which carry the static headers from next.config.js, and the
  // CSV upload, whose body must reach its route unbuffered (the proxy would hold a copy of it).
  matcher: ['/((?!_next/static|_next/image|favicon.ico|admin/import/upload).*)'],
};
