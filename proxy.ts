import { NextResponse, type NextRequest } from 'next/server';
import { RETURN_PATH_HEADER } from '@/server/auth/return-path';
import { securePageRequest } from '@/server/http/content-security';

/**
 * Tells server components which page was asked for (they are not told otherwise), so a signed-out
 * visitor sent to sign-in comes back to that page afterwards; and gives each page its
 * Content-Security-Policy with a fresh script nonce. Nothing is decided here.
 */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set(RETURN_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  const security = securePageRequest(headers, {
    appUrl: process.env.APP_URL ?? '',
    dev: process.env.NODE_ENV === 'development',
  });
  const response = NextResponse.next({ request: { headers } });
  security.forEach((value, name) => response.headers.set(name, value));
  return response;
}

export const config = {
  // Pages only: not the API, Next's assets, product pictures (public, cached for ever), or files.
  matcher: ['/((?!api/|_next/|pictures/|favicon\\.ico|.*\\.[a-z0-9]+$).*)'],
};
