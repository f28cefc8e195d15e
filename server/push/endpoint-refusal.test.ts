import { eq } from 'drizzle-orm';
import webpush from 'web-push';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pushOutbox, pushSubscriptions } from '@/db/schema';
import { approvalTeam, teamOrder } from '@/server/testing/approval-team';
import { setupTestDatabase } from '@/server/testing/database';
import { createCaller, signIn } from '@/server/testing/factories';
import { trpcErrorOf } from '@/server/testing/errors';
import { browserKeys, startPushReceiver, type PushReceiver } from '@/server/testing/push-receiver';
import { dispatchPushes } from './dispatcher';
import { EndpointRefused, guardedLookup } from './endpoint-guard';
import { pushSettings } from './settings';

// The channel on as in production: local endpoints are NOT allowed in this file.
const vapid = webpush.generateVAPIDKeys();
process.env.VAPID_PUBLIC_KEY = vapid.publicKey;
process.env.VAPID_PRIVATE_KEY = vapid.privateKey;
delete process.env.PUSH_ALLOW_LOCAL_ENDPOINTS;

const database = setupTestDatabase();
let receiver: PushReceiver;
beforeAll(async () => {
  receiver = await startPushReceiver();
});
afterAll(() => receiver.close());

describe('a push endpoint the server would call inside its own network', () => {
  it.each([
    ['https://10.0.0.7/push/x', 'private'],
    ['https://192.168.1.1/push/x', 'private'],
    ['https://127.0.0.1:8443/push/x', 'loopback'],
    ['https://localhost/push/x', 'loopback'],
    ['https://[::1]/push/x', 'loopback'],
    ['https://[::ffff:169.254.169.254]/latest', 'link-local'],
    ['https://169.254.169.254/latest/meta-data', 'link-local'],
    ['https://100.100.100.200/latest', 'carrier-grade NAT'],
    ['https://[fd00:ec2::254]/latest', 'private'],
    ['https://2130706433/push/x', 'loopback'],
    ['http://push.example.com/push/x', 'https'],
    ['file:///etc/passwd', 'https'],
  ])('is refused at subscribe: %s', async (endpoint, words) => {
    const t = await approvalTeam(database.db);
    const caller = createCaller(await signIn(database.db, t.a.membership));
    const keys = browserKeys();
    const error = await trpcErrorOf(
      caller.notifications.subscribe({ endpoint, keys: { p256dh: keys.p256dh, auth: keys.auth } }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain(words);
    expect(await database.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, t.a.user.id))).toEqual(
      [],
    );
  });

  it('is checked again when sending: a local endpoint saved before is not called', async () => {
    const t = await approvalTeam(database.db);
    const keys = browserKeys();
    // As if saved while the rule was looser (or its name resolved elsewhere then).
    await database.db.insert(pushSubscriptions).values({
      userId: t.a.user.id,
      endpoint: receiver.endpoint('/push/sneaky'),
      p256dh: keys.p256dh,
      auth: keys.auth,
    });
    await teamOrder(database.db, t, 20);
    const counts = await dispatchPushes({ db: database.db, now: new Date(), settings: pushSettings() });
    expect(counts).toMatchObject({ claimed: 1, sent: 0, retried: 1 });
    const [row] = await database.db.select().from(pushOutbox).where(eq(pushOutbox.userId, t.a.user.id));
    expect(row?.lastError).toContain('https');
    expect(receiver.received).toEqual([]);
  });

  it('is refused at connection time when the name resolves to a loopback address', async () => {
    const outcome = await new Promise<{ error: Error | null; address: unknown }>((resolve) =>
      guardedLookup('localhost', { all: true }, (error, address) => resolve({ error, address })),
    );
    expect(outcome.error).toBeInstanceOf(EndpointRefused);
    expect(outcome.error?.message).toMatch(/localhost resolves to .*loopback/);
  });
});
