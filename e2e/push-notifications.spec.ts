import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from './fixtures/test';
import { spendingLimitAuthorizers, spendingLimits } from '@/db/schema';
import {
  decryptPush,
  startPushReceiver,
  verifyVapid,
  type BrowserKeys,
  type PushReceiver,
} from '@/server/testing/push-receiver';
import { signInViaApi } from './fixtures/auth';
import { pricedDemoProduct } from './fixtures/catalog';
import { createPerson, e2eDb } from './fixtures/db';
import { E2E_BASE_URL, E2E_CRON_SECRET, E2E_VAPID_PUBLIC_KEY } from './fixtures/env';
import { placeOrderViaApi, runJobViaCron } from './fixtures/orders';

/*
 * Web Push in Chromium without the internet. Chromium's real PushManager subscribes through
 * Google's push service, which cannot be reached here; so the page's PushManager is replaced by
 * one that makes what a browser makes — a P-256 key pair and a 16-byte auth secret, with WebCrypto
 * — and answers an endpoint on a push service this spec runs (the e2e server allows local
 * endpoints: PUSH_ALLOW_LOCAL_ENDPOINTS in playwright.config.ts). Everything else is real: the
 * permission, the service worker, the server's VAPID signature and its aes128gcm encryption.
 */

const NORTHWIND = 'Northwind Traders';
const GOOD_CARD = '4242424242424242';
const product = pricedDemoProduct();

/** What the fake PushManager hands to the spec when the page subscribes. */
type MadeSubscription = { endpoint: string; p256dh: string; auth: string; privateKey: string; serverKey: string };

/**
 * Replaces PushManager's subscribe and getSubscription in every page of the context. Runs in the
 * browser; the subscription is kept in localStorage so that it outlives a navigation, like a real one.
 */
function fakePushManager({ endpoint }: { endpoint: string }) {
  if (typeof PushManager === 'undefined') return;
  const STORE = 'e2e-push-subscription';
  const b64u = (bytes: Uint8Array) =>
    btoa(String.fromCharCode(...bytes))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
  const fromB64u = (text: string) =>
    Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (char) => char.charCodeAt(0));
  type Stored = { endpoint: string; p256dh: string; auth: string };
  const asSubscription = (stored: Stored) => ({
    endpoint: stored.endpoint,
    expirationTime: null,
    options: { userVisibleOnly: true },
    getKey: (name: string) => fromB64u(name === 'p256dh' ? stored.p256dh : stored.auth).buffer,
    toJSON: () => ({
      endpoint: stored.endpoint,
      expirationTime: null,
      keys: { p256dh: stored.p256dh, auth: stored.auth },
    }),
    unsubscribe: async () => {
      localStorage.removeItem(STORE);
      return true;
    },
  });
  const read = (): Stored | null => {
    const text = localStorage.getItem(STORE);
    return text ? (JSON.parse(text) as Stored) : null;
  };
  PushManager.prototype.getSubscription = async function getSubscription() {
    const stored = read();
    return (stored ? asSubscription(stored) : null) as unknown as PushSubscription;
  };
  PushManager.prototype.subscribe = async function subscribe(options?: PushSubscriptionOptionsInit) {
    const pair = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
    const publicKey = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
    const privateJwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
    const auth = crypto.getRandomValues(new Uint8Array(16));
    const serverKey = options?.applicationServerKey;
    const serverKeyText =
      typeof serverKey === 'string'
        ? serverKey
        : serverKey
          ? b64u(
              ArrayBuffer.isView(serverKey)
                ? new Uint8Array(serverKey.buffer, serverKey.byteOffset, serverKey.byteLength)
                : new Uint8Array(serverKey),
            )
          : '';
    const stored = { endpoint, p256dh: b64u(publicKey), auth: b64u(auth) };
    localStorage.setItem(STORE, JSON.stringify(stored));
    const report = (window as unknown as { e2ePushSubscribed: (made: MadeSubscription) => Promise<void> })
      .e2ePushSubscribed;
    await report({ ...stored, privateKey: privateJwk.d ?? '', serverKey: serverKeyText });
    return asSubscription(stored) as unknown as PushSubscription;
  };
}

let receiver: PushReceiver;
test.beforeEach(async () => {
  receiver = await startPushReceiver();
});
test.afterEach(async () => {
  await receiver.close();
});

/** Grants notifications, fakes the push service's side of PushManager, and collects what it made. */
async function preparePushBrowser(page: Page, endpoint: string) {
  await page.context().grantPermissions(['notifications'], { origin: E2E_BASE_URL });
  const made: MadeSubscription[] = [];
  await page.exposeFunction('e2ePushSubscribed', (subscription: MadeSubscription) => {
    made.push(subscription);
  });
  await page.addInitScript(fakePushManager, { endpoint });
  return made;
}

/** A sub-account of Northwind whose orders over 5.00 need `approverMembershipId`. */
async function requesterNeeding(approverMembershipId: string) {
  const requester = await createPerson({ organizationName: NORTHWIND, roles: ['buyer'], hasLimitedBudget: true });
  const db = e2eDb();
  const [limit] = await db
    .insert(spendingLimits)
    .values({
      organizationId: requester.organizationId,
      membershipId: requester.membershipId,
      limitMinor: 500,
      createdAt: new Date(),
    })
    .returning();
  if (!limit) throw new Error('spending limit insert failed');
  await db.insert(spendingLimitAuthorizers).values({ limitId: limit.id, membershipId: approverMembershipId });
  return requester;
}

test('Notify me on this device: an order waiting for the authorizer arrives as a push that opens its approval page', async ({
  page,
  browser,
}) => {
  const path = `/push/${randomUUID()}`;
  const made = await preparePushBrowser(page, receiver.endpoint(path));
  const approver = await createPerson({
    organizationName: NORTHWIND,
    roles: ['authorizer'],
    mayOrder: false,
    mayAuthorizeOrders: true,
  });
  await signInViaApi(page, approver.email);

  await page.goto('/account');
  const notifications = page.getByRole('region', { name: 'Notifications' });
  await expect(notifications.getByText('Notifications are off on this device.')).toBeVisible();
  await notifications.getByRole('button', { name: 'Notify me on this device' }).click();
  await expect(notifications.getByText('Notifications are on for this device.').first()).toBeVisible();
  expect(made).toHaveLength(1);
  const subscription = made[0];
  if (!subscription) throw new Error('the page did not subscribe');
  // The browser subscribed with the server's VAPID key, and the server listed the device.
  expect(subscription.serverKey).toBe(E2E_VAPID_PUBLIC_KEY);
  await expect(
    notifications.getByRole('list', { name: 'Devices that receive notifications' }).getByRole('listitem'),
  ).toHaveCount(1);
  // The worker is registered now, and it keeps no page.
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration('/'))?.active?.scriptURL)).toBe(
    `${E2E_BASE_URL}/sw.js`,
  );

  // Someone else's order now waits for this authorizer.
  const requesterContext = await browser.newContext({ baseURL: E2E_BASE_URL });
  const requesterPage = await requesterContext.newPage();
  const requester = await requesterNeeding(approver.membershipId);
  await signInViaApi(requesterPage, requester.email);
  const placed = await placeOrderViaApi(requesterPage, {
    lines: [{ sku: product.sku, quantity: 1 }],
    paymentMethod: 'card',
    cardNumber: GOOD_CARD,
  });
  expect(placed.status).toBe('pending_approval');

  // The push goes right after the response; the cron job is the guarantee.
  await expect(async () => {
    if (receiver.received.length === 0) await runJobViaCron(requesterPage, 'dispatch-push', E2E_CRON_SECRET);
    expect(receiver.received.filter((push) => push.path === path)).toHaveLength(1);
  }).toPass({ timeout: 20_000 });
  await requesterContext.close();

  const [push] = receiver.received;
  if (!push) throw new Error('no push');
  const claims = verifyVapid(push.headers.authorization);
  expect(claims.publicKey).toBe(E2E_VAPID_PUBLIC_KEY);
  expect(claims.aud).toBe(receiver.origin);
  const keys: BrowserKeys = {
    p256dh: subscription.p256dh,
    auth: subscription.auth,
    privateKey: subscription.privateKey,
  };
  const text = decryptPush(push.body, keys);
  const payload = JSON.parse(text) as { title: string; body: string; url: string; orderNumber: string };
  expect(payload).toEqual({
    title: `Approval needed: ${placed.number}`,
    body: expect.stringContaining(placed.number),
    url: `/authorizations/${placed.number}`,
    orderNumber: placed.number,
  });
  expect(text).not.toContain('$');

  // Opening the push's link lands on the approval page.
  await page.goto(payload.url);
  await expect(page).toHaveURL(`${E2E_BASE_URL}/authorizations/${placed.number}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Order ${placed.number}`);
  expect(await page.evaluate(() => caches.keys())).toEqual([]);

  // Turn off: the browser unsubscribes and the server forgets the device.
  await page.goto('/account');
  await notifications.getByRole('button', { name: 'Turn off' }).click();
  await expect(notifications.getByText('Notifications are off on this device.')).toBeVisible();
  await expect(notifications.getByRole('list', { name: 'Devices that receive notifications' })).toHaveCount(0);
});

test('the inbox offers Notify me on this device and asks the browser only after the tap', async ({ page }) => {
  const path = `/push/${randomUUID()}`;
  const made = await preparePushBrowser(page, receiver.endpoint(path));
  const approver = await createPerson({
    organizationName: NORTHWIND,
    roles: ['authorizer'],
    mayOrder: false,
    mayAuthorizeOrders: true,
  });
  await signInViaApi(page, approver.email);
  await page.goto('/authorizations');
  const button = page.getByRole('main').getByRole('button', { name: 'Notify me on this device' });
  await expect(button).toBeVisible();
  // Nothing is registered by visiting a page.
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
  expect(made).toEqual([]);
  await button.click();
  await expect(page.getByRole('main').getByText('Notifications are on for this device.')).toBeVisible();
  expect(made).toHaveLength(1);
});

test('the manifest and the service worker are served as an installable app needs them', async ({ request }) => {
  const manifest = await request.get('/manifest.webmanifest');
  expect(manifest.status()).toBe(200);
  const body = (await manifest.json()) as {
    name: string;
    start_url: string;
    display: string;
    icons: { src: string; sizes: string; purpose?: string }[];
  };
  expect(body).toMatchObject({ name: 'Countersign', start_url: '/', display: 'standalone' });
  expect(body.icons.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  expect(body.icons.some((icon) => icon.purpose === 'maskable')).toBe(true);
  for (const icon of body.icons) {
    const image = await request.get(icon.src);
    expect(image.status(), icon.src).toBe(200);
    expect(image.headers()['content-type']).toBe('image/png');
  }

  const worker = await request.get('/sw.js');
  expect(worker.status()).toBe(200);
  expect(worker.headers()['content-type']).toMatch(/^(application|text)\/javascript/);
  expect(worker.headers()['cache-control']).toContain('no-store');
  const source = await worker.text();
  expect(source).toContain("addEventListener('push'");
  expect(source).toContain("addEventListener('notificationclick'");
  expect(source).not.toContain("addEventListener('fetch'");
  expect(source).not.toMatch(/caches\.open/);

  // The pages name the manifest.
  const home = await request.get('/sign-in');
  const manifestLink = /<link[^>]*rel="manifest"[^>]*>/.exec(await home.text())?.[0];
  expect(manifestLink).toContain('href="/manifest.webmanifest"');
});
