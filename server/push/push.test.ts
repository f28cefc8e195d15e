import { eq } from 'drizzle-orm';
import webpush from 'web-push';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pushOutbox, pushSubscriptions } from '@/db/schema';
import { runAuthorizationReminders } from '@/server/jobs/authorization-reminders';
import { approvalTeam, hoursAfter, teamOrder, type ApprovalTeam } from '@/server/testing/approval-team';
import { setupTestDatabase } from '@/server/testing/database';
import { createCaller, signIn, type Member } from '@/server/testing/factories';
import { trpcErrorOf } from '@/server/testing/errors';
import {
  browserKeys,
  decryptPush,
  startPushReceiver,
  verifyVapid,
  type BrowserKeys,
  type PushReceiver,
} from '@/server/testing/push-receiver';
import { MAX_PUSH_DEVICES } from '@/server/services/notifications/push-devices';
import { dispatchPushes } from './dispatcher';
import { pushSettings } from './settings';

// The push channel on, with keys of this test run, and a receiver on this machine allowed.
const vapid = webpush.generateVAPIDKeys();
process.env.VAPID_PUBLIC_KEY = vapid.publicKey;
process.env.VAPID_PRIVATE_KEY = vapid.privateKey;
process.env.VAPID_SUBJECT = 'mailto:push-test@countersign.test';
process.env.PUSH_ALLOW_LOCAL_ENDPOINTS = 'true';

const database = setupTestDatabase();
const db = () => database.db;
let receiver: PushReceiver;
let t: ApprovalTeam;
let device = 0;

beforeAll(async () => {
  receiver = await startPushReceiver();
});
afterAll(() => receiver.close());
beforeEach(async () => {
  t = await approvalTeam(db());
});

const callerOf = async (member: Member) => createCaller(await signIn(db(), member.membership));
const dispatch = (now = new Date()) => dispatchPushes({ db: db(), now, settings: pushSettings() });

/** Subscribes a new "browser" of the member to the receiver, as "Notify me on this device" does. */
async function subscribe(member: Member): Promise<{ keys: BrowserKeys; path: string; endpoint: string }> {
  const keys = browserKeys();
  const path = `/push/device-${++device}`;
  const endpoint = receiver.endpoint(path);
  await (
    await callerOf(member)
  ).notifications.subscribe({
    endpoint,
    keys: { p256dh: keys.p256dh, auth: keys.auth },
    userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 7) Chrome/126.0.0.0 Mobile Safari/537.36',
  });
  return { keys, path, endpoint };
}

const rowsOf = (member: Member) => db().select().from(pushOutbox).where(eq(pushOutbox.userId, member.user.id));
const devicesOf = (member: Member) =>
  db().select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, member.user.id));
const receivedAt = (path: string) => receiver.received.filter((push) => push.path === path);

describe('a push to an authorizer’s phone', () => {
  it('is signed with our VAPID key, decrypts with the browser’s keys and says who asks, the number and the link — no price', async () => {
    const ann = await subscribe(t.a);
    const order = await teamOrder(db(), t, 20); // 2,000.00: Ann or Ben approves
    expect(await rowsOf(t.a)).toHaveLength(1);
    expect(await rowsOf(t.b)).toEqual([]); // Ben has no device: nothing is queued for him

    const before = Math.floor(Date.now() / 1000);
    expect(await dispatch()).toMatchObject({ claimed: 1, sent: 1 });
    const [push] = receivedAt(ann.path);
    if (!push) throw new Error('the receiver got no push');

    const claims = verifyVapid(push.headers.authorization);
    expect(claims).toMatchObject({
      publicKey: vapid.publicKey,
      aud: receiver.origin,
      sub: 'mailto:push-test@countersign.test',
    });
    expect(claims.exp).toBeGreaterThan(before);
    expect(claims.exp).toBeLessThanOrEqual(before + 24 * 3600 + 60);
    expect(push.headers['content-encoding']).toBe('aes128gcm');
    expect(Number(push.headers.ttl)).toBeGreaterThan(0);

    const text = decryptPush(push.body, ann.keys);
    expect(JSON.parse(text)).toEqual({
      title: `Approval needed: ${order.number}`,
      body: `Rob Requester asks you to approve ${order.number}.`,
      url: `/authorizations/${order.number}`,
      orderNumber: order.number,
    });
    expect(text).not.toMatch(/\$|2,000|2000\.00|Widget/i);
    // Only the browser holding the private key can read it.
    expect(() => decryptPush(push.body, { ...browserKeys(), auth: ann.keys.auth })).toThrow();

    const [row] = await rowsOf(t.a);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, lockedUntil: null });
    expect((await devicesOf(t.a))[0]?.lastSuccessAt).toBeInstanceOf(Date);
    expect(await dispatch()).toMatchObject({ claimed: 0 }); // sent once, not again
    expect(receivedAt(ann.path)).toHaveLength(1);
  });

  it('tells the requester the outcome, with a link to their order', async () => {
    const rob = await subscribe(t.requester);
    const order = await teamOrder(db(), t, 20);
    await (await callerOf(t.a)).authorizations.approve({ number: order.number });
    await dispatch();
    const [push] = receivedAt(rob.path);
    if (!push) throw new Error('the requester got no push');
    expect(JSON.parse(decryptPush(push.body, rob.keys))).toEqual({
      title: `${order.number} is approved`,
      body: `Ann Approver approved your order ${order.number}.`,
      url: `/orders/${order.number}`,
      orderNumber: order.number,
    });
  });

  it('reminds with the batch of reminder emails', async () => {
    const ben = await subscribe(t.b);
    const order = await teamOrder(db(), t, 20);
    await dispatch();
    await runAuthorizationReminders({ db: db(), now: hoursAfter(order, 25) }, { reminderHours: 24, escalationDays: 3 });
    await dispatch(hoursAfter(order, 25));
    const texts = receivedAt(ben.path).map((push) => JSON.parse(decryptPush(push.body, ben.keys)) as { title: string });
    expect(texts.map((push) => push.title)).toEqual([`Approval needed: ${order.number}`, 'Orders waiting for you']);
  });

  it('reaches every device of the person, one row each', async () => {
    const phone = await subscribe(t.a);
    const laptop = await subscribe(t.a);
    await teamOrder(db(), t, 20);
    expect(await dispatch()).toMatchObject({ sent: 2 });
    expect(receivedAt(phone.path)).toHaveLength(1);
    expect(receivedAt(laptop.path)).toHaveLength(1);
  });
});

describe('when the push service refuses', () => {
  it('410 (the browser unsubscribed) forgets the device and its queued pushes', async () => {
    const ann = await subscribe(t.a);
    receiver.answer(410);
    await teamOrder(db(), t, 20);
    expect(await dispatch()).toMatchObject({ claimed: 1, gone: 1, sent: 0 });
    expect(receivedAt(ann.path)).toHaveLength(1);
    expect(await devicesOf(t.a)).toEqual([]);
    expect(await rowsOf(t.a)).toEqual([]);
  });

  it('404 does the same', async () => {
    await subscribe(t.a);
    receiver.answer(404);
    await teamOrder(db(), t, 20);
    expect(await dispatch()).toMatchObject({ gone: 1 });
    expect(await devicesOf(t.a)).toEqual([]);
  });

  it('500 is tried again after the back-off, and then delivered once', async () => {
    const ann = await subscribe(t.a);
    receiver.answer(500);
    await teamOrder(db(), t, 20);
    const now = new Date(Date.now() + 1000);
    expect(await dispatch(now)).toMatchObject({ claimed: 1, retried: 1, sent: 0 });
    const [row] = await rowsOf(t.a);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: 'the push service answered 500' });
    expect(row?.nextAttemptAt.getTime()).toBe(now.getTime() + 30_000);

    expect(await dispatch(new Date(now.getTime() + 10_000))).toMatchObject({ claimed: 0 });
    expect(await dispatch(new Date(now.getTime() + 31_000))).toMatchObject({ claimed: 1, sent: 1 });
    expect(receivedAt(ann.path).map((push) => push.status)).toEqual([500, 201]);
    expect(await devicesOf(t.a)).toHaveLength(1);
  });

  it('a push whose channel was switched off meanwhile is marked skipped, not sent', async () => {
    const ann = await subscribe(t.a);
    await teamOrder(db(), t, 20);
    const counts = await dispatchPushes({
      db: db(),
      now: new Date(),
      settings: { vapid: null, allowLocalEndpoints: true },
    });
    expect(counts).toMatchObject({ claimed: 1, skipped: 1 });
    expect((await rowsOf(t.a))[0]?.status).toBe('skipped');
    expect(receivedAt(ann.path)).toEqual([]);
  });
});

describe('devices', () => {
  it('lists the member’s own devices; Turn off removes this one', async () => {
    const ann = await subscribe(t.a);
    const caller = await callerOf(t.a);
    expect(await caller.notifications.status()).toMatchObject({
      enabled: true,
      publicKey: vapid.publicKey,
      devices: [{ label: 'Chrome on Android', lastSuccessAt: null }],
    });
    expect(await caller.notifications.unsubscribe({ endpoint: ann.endpoint })).toEqual({ removed: 1 });
    expect((await caller.notifications.status()).devices).toEqual([]);
  });

  it('never lets one person remove or see another’s device', async () => {
    const ben = await subscribe(t.b);
    const [benDevice] = await devicesOf(t.b);
    const ann = await callerOf(t.a);
    expect((await ann.notifications.status()).devices).toEqual([]);
    const refused = await trpcErrorOf(ann.notifications.removeDevice({ subscriptionId: benDevice?.id ?? '' }));
    expect(refused.code).toBe('NOT_FOUND');
    expect(await ann.notifications.unsubscribe({ endpoint: ben.endpoint })).toEqual({ removed: 0 });
    expect(await devicesOf(t.b)).toHaveLength(1);
  });

  it('a test notification reaches each device of the member', async () => {
    const ann = await subscribe(t.a);
    expect(await (await callerOf(t.a)).notifications.sendTest()).toEqual({ devices: 1 });
    await dispatch();
    const [push] = receivedAt(ann.path);
    expect(JSON.parse(decryptPush(push?.body ?? Buffer.alloc(0), ann.keys))).toMatchObject({ url: '/authorizations' });
    const none = await trpcErrorOf((await callerOf(t.c)).notifications.sendTest());
    expect(none.code).toBe('PRECONDITION_FAILED');
  });

  it('gives a browser’s endpoint to whoever subscribed it last (one browser profile, one person)', async () => {
    const shared = await subscribe(t.a);
    await (
      await callerOf(t.b)
    ).notifications.subscribe({
      endpoint: shared.endpoint,
      keys: { p256dh: shared.keys.p256dh, auth: shared.keys.auth },
    });
    expect(await devicesOf(t.a)).toEqual([]);
    expect(await devicesOf(t.b)).toHaveLength(1);
  });

  it(`keeps the newest ${MAX_PUSH_DEVICES} devices of a person`, async () => {
    const first = await subscribe(t.a);
    for (let index = 0; index < MAX_PUSH_DEVICES; index++) await subscribe(t.a);
    const devices = await devicesOf(t.a);
    expect(devices).toHaveLength(MAX_PUSH_DEVICES);
    expect(devices.map((row) => row.endpoint)).not.toContain(first.endpoint);
  });

  it('refuses keys no browser could have made', async () => {
    const error = await trpcErrorOf(
      (await callerOf(t.a)).notifications.subscribe({
        endpoint: receiver.endpoint('/push/bad-keys'),
        keys: { p256dh: 'short', auth: 'A'.repeat(22) },
      }),
    );
    expect(error.code).toBe('BAD_REQUEST');
  });
});
