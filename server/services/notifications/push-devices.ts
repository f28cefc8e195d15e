import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { pushSubscriptions } from '@/db/schema';
import { describeDevice } from '@/server/domain/auth/device-words';
import { DomainError, invalidField, notFound } from '@/server/domain/errors';
import type { SubscribePushInput } from '@/server/schemas/notifications';
import { assertCallableEndpoint, EndpointRefused } from '@/server/push/endpoint-guard';
import { enqueuePushToUser } from '@/server/push/outbox';
import { pushSettings } from '@/server/push/settings';

export const PUSH_NOT_SET_UP = 'Notifications are not set up on this server.';

/** Devices kept per person: each event is pushed to every one, so a runaway list is cut to the newest. */
export const MAX_PUSH_DEVICES = 10;

/** The push channel as a member sees it: whether it is on, the key browsers subscribe with, and their devices. */
export async function pushStatus(db: Database, userId: string) {
  const { vapid } = pushSettings();
  const rows = await db
    .select({
      id: pushSubscriptions.id,
      endpoint: pushSubscriptions.endpoint,
      userAgent: pushSubscriptions.userAgent,
      createdAt: pushSubscriptions.createdAt,
      lastSuccessAt: pushSubscriptions.lastSuccessAt,
    })
    .from(pushSubscriptions)
    .where(eq(pushSubscriptions.userId, userId))
    .orderBy(desc(pushSubscriptions.createdAt));
  return {
    enabled: vapid !== null,
    publicKey: vapid?.publicKey ?? null,
    devices: rows.map(({ userAgent, ...row }) => ({ ...row, label: describeDevice(userAgent) })),
  };
}

function requireChannel() {
  const settings = pushSettings();
  if (!settings.vapid) throw new DomainError('precondition_failed', PUSH_NOT_SET_UP);
  return settings;
}

/**
 * Saves this browser's subscription for the user. The endpoint is an address the server will call,
 * so it must be https on a public host (checked here by resolving it, and again at each send). One
 * browser profile has one endpoint: when someone else signs in there and subscribes, the device
 * becomes theirs.
 */
export async function subscribeDevice(db: Database, input: SubscribePushInput & { userId: string; now: Date }) {
  const settings = requireChannel();
  try {
    await assertCallableEndpoint(input.endpoint, settings.allowLocalEndpoints);
  } catch (error) {
    if (error instanceof EndpointRefused) throw invalidField('endpoint', error.message);
    throw error;
  }
  const values = {
    userId: input.userId,
    endpoint: input.endpoint,
    p256dh: input.keys.p256dh,
    auth: input.keys.auth,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
    createdAt: input.now,
  };
  const [row] = await db
    .insert(pushSubscriptions)
    .values(values)
    .onConflictDoUpdate({ target: pushSubscriptions.endpoint, set: { ...values, lastSuccessAt: null } })
    .returning({ id: pushSubscriptions.id });
  await db.execute(sql`
    delete from ${pushSubscriptions} where ${pushSubscriptions.userId} = ${input.userId} and ${pushSubscriptions.id} not in (
      select ${pushSubscriptions.id} from ${pushSubscriptions} where ${pushSubscriptions.userId} = ${input.userId}
      order by ${pushSubscriptions.createdAt} desc, ${pushSubscriptions.id} limit ${MAX_PUSH_DEVICES})`);
  return { subscriptionId: row?.id ?? null };
}

/** Forgets this browser's subscription (the browser unsubscribes itself). Only the user's own. */
export async function unsubscribeDevice(db: Database, input: { userId: string; endpoint: string }) {
  const removed = await db
    .delete(pushSubscriptions)
    .where(and(eq(pushSubscriptions.userId, input.userId), eq(pushSubscriptions.endpoint, input.endpoint)))
    .returning({ id: pushSubscriptions.id });
  return { removed: removed.length };
}

/** Stops pushes to one of the user's devices from My account's list (another phone, a lost one). */
export async function removeDevice(db: Database, input: { userId: string; subscriptionId: string }) {
  const removed = await db
    .delete(pushSubscriptions)
    .where(and(eq(pushSubscriptions.userId, input.userId), eq(pushSubscriptions.id, input.subscriptionId)))
    .returning({ id: pushSubscriptions.id });
  if (removed.length === 0) throw notFound('That device');
  return { removed: removed.length };
}

/** Queues a test push to every device of the user, so they can see that notifications reach them. */
export async function sendTestPush(db: Database, input: { userId: string; now: Date }) {
  requireChannel();
  const devices = await db.transaction((tx) =>
    enqueuePushToUser(
      tx,
      input.userId,
      {
        title: 'Countersign notifications work',
        body: 'Orders waiting for you will show here.',
        url: '/authorizations',
        orderNumber: null,
      },
      input.now,
    ),
  );
  if (devices === 0) throw new DomainError('precondition_failed', 'None of your devices receives notifications yet.');
  return { devices };
}
