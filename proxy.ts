import { NextResponse, type NextRequest } from 'next/server';

const SESSION_COOKIES = ['next-auth.session-token', '__Secure-next-auth.session-token'];

/** next-auth splits a large JWT into name.0, name.1, ... so a prefix counts too. */
function hasSessionCookie(request: NextRequest): boolean {
  return request.cookies
    .getAll()
    .some((c) => SESSION_COOKIES.some((name) => c.name === name || c.name.startsWith(`${name}.`)));
}

/**
 * Sends page visits without a session cookie to the sign-in page. Only an optimisation: the cookie
 * is not verified here; pages and actions check the session and role themselves. Non-GET requests
 * (server actions) pass through so the action can answer "sign in again" instead of a redirect.
 */
export function proxy(request: NextRequest) {
  if (request.method !== 'GET' && request.method !== 'HEAD') return NextResponse.next();
  if (hasSessionCookie(request)) return NextResponse.next();
  const { pathname, search } = request.nextUrl;
  const url = new URL('/signin', request.url);
  if (pathname !== '/') url.searchParams.set('callbackUrl', `${pathname}${search}`);
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ['/((?!api(?:/|$)|_next/|favicon\\.ico$|signin(?:/|$)).*)'],
};
