import { isSameOriginRequest } from '@/server/auth/same-origin';

/**
 * Where callers prove who they are with a bearer key and send no cookie (the ERP feed, the cron
 * jobs): a forged request there carries no one's authority, so the site it comes from does not matter.
 */
export const BEARER_KEY_PATHS = ['/api/erp/', '/api/cron/'] as const;

/** Methods that change nothing (the app keeps every change behind POST, PUT, PATCH or DELETE). */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const CROSS_SITE_REFUSAL =
  'This request did not come from a Countersign page, so it was refused. If you were using Countersign, reload the page and try again.';

export type CrossSiteVerdict = 'allowed' | 'refused';

/**
 * Whether a request may go on: anything that changes state — a tRPC mutation, a route handler's
 * POST, a server action — must come from our own pages (`Origin`, or `Sec-Fetch-Site` without it,
 * see isSameOriginRequest), except on the bearer-key paths. A request with neither header is
 * refused: a browser always sends one, and a non-browser client has no business with a cookie.
 */
export function crossSiteVerdict(request: Request, appUrl: string): CrossSiteVerdict {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return 'allowed';
  const { pathname } = new URL(request.url);
  if (BEARER_KEY_PATHS.some((prefix) => pathname.startsWith(prefix))) return 'allowed';
  return isSameOriginRequest(request, appUrl) ? 'allowed' : 'refused';
}

/**
 * The 403 for a refused request, or null to let it through: JSON `{ error }` under /api, plain
 * text elsewhere (a server action posted to a page). Never cached.
 */
export function refuseCrossSiteRequest(request: Request, appUrl: string): Response | null {
  if (crossSiteVerdict(request, appUrl) === 'allowed') return null;
  const headers = { 'Cache-Control': 'no-store' };
  if (new URL(request.url).pathname.startsWith('/api/')) {
    return Response.json({ error: CROSS_SITE_REFUSAL }, { status: 403, headers });
  }
  return new Response(CROSS_SITE_REFUSAL, {
    status: 403,
    headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/**
 * A route handler that refuses cross-site requests itself, for a route the proxy leaves out: the
 * tRPC endpoint, which every page's calls go through. Running the proxy costs each request a
 * NextRequest of its own and a pass through Next's middleware adapter, about a third of a
 * millisecond of CPU — 5 % of a checkout submit — for this one check.
 */
export function refusingCrossSite<Args extends unknown[]>(
  handler: (request: Request, ...args: Args) => Response | Promise<Response>,
  appUrl: () => string,
) {
  return (request: Request, ...args: Args): Response | Promise<Response> =>
    refuseCrossSiteRequest(request, appUrl()) ?? handler(request, ...args);
}
