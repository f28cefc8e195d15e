import { randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext, type APIResponse, type Page } from './fixtures/test';
import { CROSS_SITE_REFUSAL } from '@/server/http/cross-site';
import { signInViaApi } from './fixtures/auth';
import { pricedDemoProduct } from './fixtures/catalog';
import { createPerson } from './fixtures/db';
import { DEMO_PASSWORD, E2E_BASE_URL, E2E_CRON_SECRET } from './fixtures/env';
import { trpc } from './fixtures/orders';

/*
 * The server itself refuses state changes that do not come from our own pages, whatever the
 * browser would have allowed: real requests, with a real session cookie, to each kind of endpoint.
 * Playwright's request client sends no Origin and no Sec-Fetch-Site unless told to, so "neither
 * header" is exactly what a non-browser client sends. Requests only: desktop alone.
 */

const FORGED: [string, Record<string, string>][] = [
  ['a foreign Origin', { origin: 'http://evil.example' }],
  ['Sec-Fetch-Site: cross-site without Origin', { 'sec-fetch-site': 'cross-site' }],
  ['neither Origin nor Sec-Fetch-Site', {}],
];
const OURS = { origin: E2E_BASE_URL };

const product = pricedDemoProduct();

async function expectRefusedAsJson(response: APIResponse, why: string) {
  expect(response.status(), why).toBe(403);
  expect(await response.json(), why).toEqual({ error: CROSS_SITE_REFUSAL });
}

/** The signed-in member's cart, as the page's own client reads it (a GET, which is never refused). */
async function cartItems(page: Page) {
  return trpc<number>(page, 'cart.itemCount', undefined, 'query');
}

test('a tRPC mutation (cart.add) with the session cookie is refused from another site, and changes nothing', async ({
  page,
}) => {
  const buyer = await createPerson({ organizationName: 'Northwind Traders', roles: ['buyer'] });
  await signInViaApi(page, buyer.email);
  const add = (headers: Record<string, string>) =>
    page.request.post('/api/trpc/cart.add', { headers, data: { json: { sku: product.sku, quantity: 1 } } });

  for (const [why, headers] of FORGED) await expectRefusedAsJson(await add(headers), why);
  expect(await cartItems(page)).toBe(0);

  const ours = await add(OURS);
  expect(ours.status(), await ours.text()).toBe(200);
  expect(await cartItems(page)).toBe(1);
});

test('a route handler (the staff picture upload) is refused from another site before it reads the file', async ({
  page,
}) => {
  await signInViaApi(page, 'admin@countersign.test');
  const path = `/api/staff/products/${encodeURIComponent(product.sku)}/picture`;
  for (const [why, headers] of FORGED) {
    await expectRefusedAsJson(await page.request.post(path, { headers, multipart: { picture: 'not a picture' } }), why);
    await expectRefusedAsJson(await page.request.delete(path, { headers }), `DELETE, ${why}`);
  }
  // From our origin the request reaches the handler, which judges the upload itself (not a form upload: 415).
  const ours = await page.request.post(path, { headers: { ...OURS, 'content-type': 'text/plain' }, data: 'x' });
  expect(ours.status(), await ours.text()).toBe(415);
});

/** The id of the header's Sign out action, from the page's HTML (the form works before hydration). */
async function signOutActionId(request: APIRequestContext) {
  const html = await (await request.get('/cart')).text();
  const form = html.split('<form').find((part) => part.split('</form>')[0]?.includes('Sign out'));
  const id = /name="\$ACTION_ID_([0-9a-f]+)"/.exec(form ?? '')?.[1];
  expect(id, 'the Sign out form carries its action id').toBeTruthy();
  return id ?? '';
}

test('a server action (Sign out) from another site answers 403, not 500, and the session goes on', async ({ page }) => {
  const member = await createPerson({ organizationName: 'Northwind Traders', roles: ['buyer'] });
  await signInViaApi(page, member.email);
  const actionId = await signOutActionId(page.request);
  const signedIn = async () => (await page.request.get('/api/trpc/cart.itemCount')).status() === 200;
  // As the router's client sends it (header and arguments), and as a form posts it before hydration.
  const asFetch = (headers: Record<string, string>) =>
    page.request.post('/cart', {
      headers: { ...headers, 'next-action': actionId, accept: 'text/x-component', 'content-type': 'text/plain' },
      data: '[]',
    });
  const asForm = (headers: Record<string, string>) =>
    page.request.post('/cart', { headers, multipart: { [`$ACTION_ID_${actionId}`]: '' }, maxRedirects: 0 });

  for (const [why, headers] of FORGED) {
    for (const response of [await asFetch(headers), await asForm(headers)]) {
      expect(response.status(), why).toBe(403);
      expect(await response.text(), why).toBe(CROSS_SITE_REFUSAL);
    }
    expect(await signedIn(), `still signed in after ${why}`).toBe(true);
  }

  const ours = await asFetch(OURS);
  expect(ours.status(), await ours.text()).not.toBe(403);
  expect(await signedIn()).toBe(false);
});

test("next-auth's credentials callback is refused from another site and opens no session", async ({ playwright }) => {
  const person = await createPerson({ organizationName: 'Northwind Traders', roles: ['buyer'] });
  const client = await playwright.request.newContext({ baseURL: E2E_BASE_URL });
  try {
    const { csrfToken } = (await (await client.get('/api/auth/csrf')).json()) as { csrfToken: string };
    const signIn = (headers: Record<string, string>) =>
      client.post('/api/auth/callback/credentials', {
        headers,
        form: { csrfToken, email: person.email, password: DEMO_PASSWORD, json: 'true' },
      });
    const hasSession = async () =>
      (await client.storageState()).cookies.some((cookie) => cookie.name.endsWith('next-auth.session-token'));

    for (const [why, headers] of FORGED) {
      await expectRefusedAsJson(await signIn(headers), why);
      expect(await hasSession(), why).toBe(false);
    }
    const ours = await signIn(OURS);
    expect(ours.ok(), await ours.text()).toBe(true);
    expect(await hasSession()).toBe(true);
  } finally {
    await client.dispose();
  }
});

test('the bearer-key routes (cron jobs, the ERP feed) work from anywhere, as before', async ({ page, request }) => {
  const cron = (headers: Record<string, string>) =>
    request.post('/api/cron/dispatch-email', { headers: { ...headers, authorization: `Bearer ${E2E_CRON_SECRET}` } });
  for (const [why, headers] of [...FORGED, ['our origin', OURS] as const]) {
    const response = await cron(headers);
    expect(response.status(), `${why}: ${await response.text()}`).toBe(200);
  }
  // Without its key a cron route still answers 401, its own refusal, not the cross-site one.
  expect((await request.post('/api/cron/dispatch-email', { headers: FORGED[0]?.[1] })).status()).toBe(401);

  await signInViaApi(page, 'admin@countersign.test');
  const created = await trpc<{ key: { id: string }; secret: string }>(page, 'erpKeys.create', {
    name: `E2E cross-site ${randomUUID().slice(0, 8)}`,
  });
  try {
    for (const [why, headers] of FORGED) {
      const feed = await request.get('/api/erp/orders?limit=1', {
        headers: { ...headers, authorization: `Bearer ${created.secret}` },
      });
      expect(feed.status(), `${why}: ${await feed.text()}`).toBe(200);
    }
  } finally {
    await trpc(page, 'erpKeys.revoke', { keyId: created.key.id });
  }
});
