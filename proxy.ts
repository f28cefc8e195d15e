import { NextResponse, type NextRequest, type ProxyConfig } from 'next/server';
import { RETURN_PATH_HEADER } from '@/server/auth/return-path';
import { serverEnv } from '@/server/env';
import { securePageRequest } from '@/server/http/content-security';
import { refuseCrossSiteRequest } from '@/server/http/cross-site';

/**
 * Refuses state-changing requests from other sites (server/http/cross-site.ts); tells server
 * components which page was asked for (they are not told otherwise), so a signed-out visitor sent
 * to sign-in comes back to that page afterwards; and gives each page its Content-Security-Policy
 * with a fresh script nonce.
 */
export function proxy(request: NextRequest) {
  const refusal = refuseCrossSiteRequest(request, serverEnv().APP_URL);
  if (refusal) return refusal;
  if (request.nextUrl.pathname.startsWith('/api/')) return NextResponse.next();
  const headers = new Headers(request.headers);
  headers.set(RETURN_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  const security = securePageRequest(headers, {
    appUrl: serverEnv().APP_URL,
    dev: process.env.NODE_ENV === 'development',
  });
  const response = NextResponse.next({ request: { headers } });
  security.forEach((value, name) => response.headers.set(name, value));
  return response;
}

export const config: ProxyConfig = {
  matcher: [
    // Pages only: not the API, Next's assets, product pictures (public, cached for ever), or files.
    '/((?!api/|_next/|pictures/|favicon\\.ico|.*\\.[a-z0-9]+$).*)',
    // The cross-site check is done here, the one place every kind of request passes, rather than
    // in each route handler, next-auth and every server action: so the API (but the health check
    // and the bearer-key routes, which cross-site.ts lets through anyway, and the tRPC endpoint,
    // whose route checks itself because it serves nearly every call — `refusingCrossSite`)…
    '/api/((?!health|erp/|cron/|trpc/).*)',
    // …and every server action or form post, even to a page whose path the first line leaves out.
    { source: '/((?!api/trpc/).*)', has: [{ type: 'header', key: 'next-action' }] },
    { source: '/((?!api/trpc/).*)', has: [{ type: 'header', key: 'content-type' }] },
  ],
};
