import { unstable_doesMiddlewareMatch } from 'next/experimental/testing/server';
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { config, proxy } from '@/proxy';
import { RETURN_PATH_HEADER } from '@/server/auth/return-path';
import { CROSS_SITE_REFUSAL, refusingCrossSite } from './cross-site';

// vitest.config.ts sets APP_URL to this.
const APP = 'http://localhost:3000';
const FORGED = { origin: 'http://evil.example' };

const matches = (path: string, headers: Record<string, string> = {}) =>
  unstable_doesMiddlewareMatch({ config, url: `${APP}${path}`, headers });

const call = (method: string, path: string, headers: Record<string, string> = {}) =>
  proxy(new NextRequest(`${APP}${path}`, { method, headers }));

/** NextResponse.next() marks the request to go on to the route. */
const wentOn = (response: Response) => response.headers.get('x-middleware-next') === '1';

describe('the proxy sees every state-changing request', () => {
  it.each([
    ["next-auth's credentials callback", '/api/auth/callback/credentials'],
    ['the staff picture upload', '/api/staff/products/PEN-1/picture'],
    ['a page (where server actions are posted)', '/cart'],
    ['the start page', '/'],
  ])('%s (%s)', (_name, path) => {
    expect(matches(path)).toBe(true);
  });

  it('sees a server action posted to a page whose path has a dot, which the page matcher leaves out', () => {
    expect(matches('/catalog/PEN-1.5')).toBe(false);
    expect(matches('/catalog/PEN-1.5', { 'next-action': '7f00ab' })).toBe(true);
  });

  it('sees a form posted without JavaScript to such a page (the action is in the body, not a header)', () => {
    expect(matches('/catalog/PEN-1.5', { 'content-type': 'multipart/form-data; boundary=x' })).toBe(true);
  });

  it("still leaves out Next's assets, product pictures, the health check and the bearer-key routes' GETs", () => {
    expect(matches('/_next/static/chunks/main.js')).toBe(false);
    expect(matches('/pictures/abc/640.webp')).toBe(false);
    expect(matches('/api/health')).toBe(false);
    expect(matches('/api/erp/orders')).toBe(false);
    expect(matches('/api/cron/dispatch-email')).toBe(false);
  });
});

describe('the proxy refuses cross-site requests', () => {
  it.each([
    ['a forged Origin', FORGED],
    ['Sec-Fetch-Site: cross-site without Origin', { 'sec-fetch-site': 'cross-site' }],
    ['neither header', {}],
  ])('refuses a picture upload with %s: 403 JSON, before the route sees it', async (_name, headers) => {
    const response = await call('POST', '/api/staff/products/PEN-1/picture', {
      'content-type': 'multipart/form-data; boundary=x',
      ...headers,
    });
    expect(response.status).toBe(403);
    expect(wentOn(response)).toBe(false);
    expect(await response.json()).toEqual({ error: CROSS_SITE_REFUSAL });
  });

  it('refuses a server action from another site with 403, not the 500 Next would answer', async () => {
    const response = await call('POST', '/account', { ...FORGED, 'next-action': '7f00ab' });
    expect(response.status).toBe(403);
    expect(await response.text()).toBe(CROSS_SITE_REFUSAL);
  });

  it("refuses next-auth's credentials callback and a picture upload from another site", async () => {
    expect((await call('POST', '/api/auth/callback/credentials', FORGED)).status).toBe(403);
    expect((await call('DELETE', '/api/staff/products/PEN-1/picture', FORGED)).status).toBe(403);
  });

  it('lets our own pages through, an API request untouched and a page told its path', async () => {
    const api = await call('POST', '/api/staff/products/PEN-1/picture', { origin: APP });
    expect(wentOn(api)).toBe(true);
    expect(api.headers.get(`x-middleware-request-${RETURN_PATH_HEADER}`)).toBeNull();
    const action = await call('POST', '/orders?page=2', { origin: APP, 'sec-fetch-site': 'same-origin' });
    expect(wentOn(action)).toBe(true);
    expect(action.headers.get(`x-middleware-request-${RETURN_PATH_HEADER}`)).toBe('/orders?page=2');
  });

  it('lets the bearer-key routes through from anywhere, and GETs', async () => {
    expect(wentOn(await call('POST', '/api/cron/dispatch-email', FORGED))).toBe(true);
    expect(wentOn(await call('GET', '/api/erp/orders', FORGED))).toBe(true);
    expect(wentOn(await call('GET', '/api/trpc/cart.get', FORGED))).toBe(true);
  });
});

describe('the tRPC endpoint, which the proxy leaves to its route', () => {
  const trpc = (headers: Record<string, string>) => {
    const reached: Request[] = [];
    const route = refusingCrossSite(
      (request: Request) => {
        reached.push(request);
        return Response.json({ result: 'ran' });
      },
      () => APP,
    );
    const request = new Request(`${APP}/api/trpc/cart.add`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: '{}',
    });
    return { response: route(request), reached };
  };

  it('is not run through the proxy, even with a body or a server action header', () => {
    const kinds: Record<string, string>[] = [{}, { 'content-type': 'application/json' }, { 'next-action': '7f00ab' }];
    for (const headers of kinds) {
      expect(matches('/api/trpc/cart.add', headers)).toBe(false);
      expect(matches('/api/trpc/cart.add,cart.clear', headers)).toBe(false);
    }
  });

  it.each([
    ['a forged Origin', FORGED],
    ['Sec-Fetch-Site: cross-site without Origin', { 'sec-fetch-site': 'cross-site' }],
    ['neither header', {}],
  ])('refuses a mutation with %s: 403 JSON, before tRPC sees it', async (_name, headers) => {
    const { response, reached } = trpc(headers);
    const answered = await response;
    expect(answered.status).toBe(403);
    expect(await answered.json()).toEqual({ error: CROSS_SITE_REFUSAL });
    expect(reached).toEqual([]);
  });

  it('lets a mutation from our own pages through to tRPC', async () => {
    const { response, reached } = trpc({ origin: APP });
    expect(await (await response).json()).toEqual({ result: 'ran' });
    expect(reached).toHaveLength(1);
  });
});
