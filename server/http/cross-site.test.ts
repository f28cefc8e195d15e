import { describe, expect, it } from 'vitest';
import { CROSS_SITE_REFUSAL, crossSiteVerdict, refuseCrossSiteRequest } from './cross-site';

const APP_URL = 'https://shop.example.com';
const GOOD = { origin: 'https://shop.example.com' };
const FORGED = { origin: 'http://evil.example' };
const CROSS_SITE = { 'sec-fetch-site': 'cross-site' };

const request = (method: string, path: string, headers: Record<string, string> = {}) =>
  new Request(`https://shop.example.com${path}`, { method, headers });

describe('crossSiteVerdict', () => {
  it.each([
    ['a tRPC mutation from our page', 'POST', '/api/trpc/cart.add', GOOD, 'allowed'],
    [
      'a tRPC mutation, same-origin fetch without Origin',
      'POST',
      '/api/trpc/cart.add',
      { 'sec-fetch-site': 'same-origin' },
      'allowed',
    ],
    ['a tRPC mutation from another site', 'POST', '/api/trpc/cart.add', FORGED, 'refused'],
    ['a tRPC mutation marked cross-site without Origin', 'POST', '/api/trpc/cart.add', CROSS_SITE, 'refused'],
    ['a tRPC mutation with neither header', 'POST', '/api/trpc/cart.add', {}, 'refused'],
    ['a batch of mutations from another site', 'POST', '/api/trpc/cart.add,cart.clear?batch=1', FORGED, 'refused'],
    ["next-auth's credentials callback from another site", 'POST', '/api/auth/callback/credentials', FORGED, 'refused'],
    ["next-auth's sign-out with neither header", 'POST', '/api/auth/signout', {}, 'refused'],
    ['a picture upload from another site', 'POST', '/api/staff/products/A-1/picture', FORGED, 'refused'],
    ['a picture removal from another site', 'DELETE', '/api/staff/products/A-1/picture', FORGED, 'refused'],
    ['a PUT from another site', 'PUT', '/api/anything', FORGED, 'refused'],
    ['a PATCH with neither header', 'PATCH', '/api/anything', {}, 'refused'],
    [
      'a server action posted to a page from another site',
      'POST',
      '/cart',
      { ...FORGED, 'next-action': 'abc' },
      'refused',
    ],
    ['a server action from our page', 'POST', '/cart', { ...GOOD, 'next-action': 'abc' }, 'allowed'],
    [
      'a sibling subdomain (same-site, not same-origin)',
      'POST',
      '/api/trpc/cart.add',
      { origin: 'https://x.shop.example.com', 'sec-fetch-site': 'same-site' },
      'refused',
    ],
    ['the ERP feed with its bearer key, from anywhere', 'GET', '/api/erp/orders', FORGED, 'allowed'],
    ['a cron job POSTed with its bearer key, from anywhere', 'POST', '/api/cron/dispatch-email', FORGED, 'allowed'],
    ['a cron job with neither header', 'POST', '/api/cron/dispatch-email', {}, 'allowed'],
    ['a query (GET) from another site', 'GET', '/api/trpc/cart.get', FORGED, 'allowed'],
    ['a page (GET) from another site', 'GET', '/catalog', CROSS_SITE, 'allowed'],
    ['HEAD and OPTIONS change nothing', 'OPTIONS', '/api/trpc/cart.add', FORGED, 'allowed'],
    ['a path that only looks like the cron prefix', 'POST', '/api/cronjobs', FORGED, 'refused'],
    ['a dot-segment path out of the cron prefix', 'POST', '/api/cron/../trpc/cart.add', FORGED, 'refused'],
  ] as const)('%s → %s', (_name, method, path, headers, verdict) => {
    expect(crossSiteVerdict(request(method, path, headers), APP_URL)).toBe(verdict);
  });
});

describe('refuseCrossSiteRequest', () => {
  it('answers an API request 403 with JSON { error }, never cached', async () => {
    const response = refuseCrossSiteRequest(request('POST', '/api/trpc/cart.add', FORGED), APP_URL);
    expect(response?.status).toBe(403);
    expect(response?.headers.get('content-type')).toContain('application/json');
    expect(response?.headers.get('cache-control')).toBe('no-store');
    expect(await response?.json()).toEqual({ error: CROSS_SITE_REFUSAL });
  });

  it('answers a server action 403 in plain text', async () => {
    const response = refuseCrossSiteRequest(
      request('POST', '/account', { ...CROSS_SITE, 'next-action': 'x' }),
      APP_URL,
    );
    expect(response?.status).toBe(403);
    expect(response?.headers.get('content-type')).toContain('text/plain');
    expect(await response?.text()).toBe(CROSS_SITE_REFUSAL);
  });

  it('lets a request from our own page through', () => {
    expect(refuseCrossSiteRequest(request('POST', '/api/trpc/cart.add', GOOD), APP_URL)).toBeNull();
  });
});
