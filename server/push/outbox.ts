import { eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { pushOutbox, pushSubscriptions, users } from '@/db/schema';
import { pushForEmail, type PushMessage } from '@/server/domain/notifications/push-for-email';
import { pushSettings } from './settings';

let enqueuedSinceLastKick = false;

/** An email as the email outbox queues it: what the push that goes with it is made from. */
export type EmailForPush = { kind: string; to: string; props: unknown; now?: Date };

/** Pushes per INSERT: a batch travels as one JSON parameter, as the email outbox's does. */
const PUSHES_PER_STATEMENT = 5_000;

/**
 * Queues, in the caller's transaction, the pushes that go with these emails: one row per device of
 * the active user whose address the email goes to. Nothing is queued while the push channel is
 * off, nor for people with no device subscribed: a push is only ever meant for the devices that
 * asked for it at the time of the event, and most recipients have none.
 */
export async function enqueuePushesForEmails(tx: Executor, emails: readonly EmailForPush[]): Promise<void> {
  const pushes = pushesForEmails(emails);
  for (let start = 0; start < pushes.length; start += PUSHES_PER_STATEMENT) {
    const batch = pushes.slice(start, start + PUSHES_PER_STATEMENT).map((push) => ({
      address: push.address,
      title: push.title,
      body: push.body,
      url: push.url,
      order_number: push.orderNumber,
      at: push.at,
    }));
    const inserted = await tx.execute(sql`
      insert into ${pushOutbox} (user_id, subscription_id, title, body, url, order_number, created_at, next_attempt_at)
      select u.id, s.id, p.title, p.body, p.url, p.order_number, coalesce(p.at, now()), coalesce(p.at, now())
      from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb)
        as p(address varchar, title varchar, body varchar, url varchar, order_number varchar, at timestamptz)
      join ${users} u on u.email = p.address and u.status = 'active'
      join ${pushSubscriptions} s on s.user_id = u.id
      returning ${pushOutbox.id}`);
    if (inserted.length > 0) enqueuedSinceLastKick = true;
  }
}

/**
 * The pushes that go with these emails, one per email whose kind has one (none while the push
 * channel is off), addressed by the recipient's email; the caller joins them to the devices.
 */
export function pushesForEmails(emails: readonly EmailForPush[]) {
  if (emails.length === 0 || !pushSettings().vapid) return [];
  return emails.flatMap((email) => {
    const message = pushForEmail(email.kind, (email.props ?? {}) as Record<string, unknown>);
    return message ? [{ ...message, address: email.to.trim().toLowerCase(), at: email.now ?? null }] : [];
  });
}

/** For a caller that queued pushes with its own statement: the API dispatches them right away. */
export function notePushesQueued(): void {
  enqueuedSinceLastKick = true;
}

/** Queues one push to every device of a user, in the caller's transaction; answers how many devices. */
export async function enqueuePushToUser(
  tx: Executor,
  userId: string,
  message: PushMessage,
  now: Date,
): Promise<number> {
  const devices = await tx
    .select({ id: pushSubscriptions.id })
    .from(pushSubscriptions)
    .where(eq(pushSubscriptions.userId, userId));
  if (devices.length === 0) return 0;
  await tx.insert(pushOutbox).values(
    devices.map((device) => ({
      userId,
      subscriptionId: device.id,
      ...message,
      createdAt: now,
      nextAttemptAt: now,
    })),
  );
  enqueuedSinceLastKick = true;
  return devices.length;
}

/** True once after pushes were queued in this process; lets the API dispatch them right away. */
export function takePushEnqueuedHint(): boolean {
  const hint = enqueuedSinceLastKick;
  enqueuedSinceLastKick = false;
  return hint;
}
