/**
 * Whether a state-changing request with cookies comes from our own pages: its `Origin` is the
 * app's (APP_URL) or the origin it was sent to, and `Sec-Fetch-Site`, when the browser sends it,
 * says same-origin. A request carrying neither header is refused: browsers send `Origin` on every
 * POST and DELETE, so only a non-browser client omits both, and that client has no business
 * using a session cookie.
 */
export function isSameOriginRequest(request: Request, appUrl: string): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site !== null && site !== 'same-origin') return false;
  const origin = request.headers.get('origin');
  if (origin === null) return site === 'same-origin';
  return origin === new URL(appUrl).origin || origin === new URL(request.url).origin;
}
