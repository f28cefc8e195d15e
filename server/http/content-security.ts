/**
 * The headers every page answers with: a Content-Security-Policy whose scripts must carry this
 * response's nonce (Next.js reads it from the request's own CSP header and puts it on its scripts),
 * and HSTS when the site is served over https. Pure, so the policy is tested as a string; the proxy
 * only wires it in. API routes and files get their fixed headers from next.config.mjs.
 */

/** Which request header carries the policy to Next's renderer (it takes the nonce from there). */
export const CONTENT_SECURITY_POLICY = 'Content-Security-Policy';

/** A fresh, unguessable nonce: 16 random bytes in base64, as a CSP nonce-source allows. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The page policy. Scripts: only those carrying the nonce, and what they load ('strict-dynamic'
 * hands trust on to Next's chunks), never inline ones. Styles allow 'unsafe-inline' because the
 * server-rendered markup carries `style` attributes (and the dev mailbox shows emails whose markup
 * is all inline styles); a nonce cannot cover attributes. `next dev` evaluates code for React
 * refresh, so 'unsafe-eval' is added in development only.
 */
export function contentSecurityPolicy({ nonce, dev }: { nonce: string; dev: boolean }): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    'style-src': ["'self'", "'unsafe-inline'"],
    // Product pictures are served by this origin; QR codes are drawn as data: URLs.
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    'worker-src': ["'self'"],
    'manifest-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'self'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** HSTS for two years, subdomains included, but only for a site served over https. */
export function strictTransportSecurity(appUrl: string): string | null {
  return appUrl.startsWith('https://') ? 'max-age=63072000; includeSubDomains' : null;
}

/**
 * For the proxy: puts this request's policy on the request headers (so Next applies the nonce to
 * its scripts) and returns the headers the response must carry.
 */
export function securePageRequest(
  requestHeaders: Headers,
  options: { appUrl: string; dev: boolean; nonce?: string },
): Headers {
  const policy = contentSecurityPolicy({ nonce: options.nonce ?? newNonce(), dev: options.dev });
  requestHeaders.set(CONTENT_SECURITY_POLICY, policy);
  const responseHeaders = new Headers({ [CONTENT_SECURITY_POLICY]: policy });
  const hsts = strictTransportSecurity(options.appUrl);
  if (hsts) responseHeaders.set('Strict-Transport-Security', hsts);
  return responseHeaders;
}
