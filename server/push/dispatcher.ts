import { and, eq, inArray, lte, or, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { pushOutbox, pushSubscriptions, type PushOutboxRow } from '@/db/schema';
import { nextAttemptAt, shouldGiveUp } from '@/server/domain/email/retry-policy';
import { inSendSpan, recordSend } from '@/server/observability/work';
import { sendPush, type PushOutcome, type PushTarget } from './sender';
import type { PushSettings } from './settings';

export type PushDispatchOptions = {
  db: Database;
  now: Date;
  settings: PushSettings;
  batchSize?: number;
  leaseMs?: number;
};
export type PushDispatchCounts = {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
  skipped: number;
  gone: number;
};

/**
 * Sends due push outbox rows, as the email dispatcher does: each row is leased in its own short
 * statement (`sending`, `locked_until`), so two instances never send one row at once, and a lease
 * left by a dispatcher that died expires and the row is sent again. No transaction is open while
 * a push service is called. A push service that answers 404 or 410 has forgotten the device: its
 * subscription is deleted, and its queued rows with it.
 */
export async function dispatchPushes(options: PushDispatchOptions): Promise<PushDispatchCounts> {
  const { db, now, settings } = options;
  const rows = await claimDueRows(db, now, options.batchSize ?? 25, options.leaseMs ?? 120_000);
  const counts: PushDispatchCounts = { claimed: rows.length, sent: 0, retried: 0, failed: 0, skipped: 0, gone: 0 };
  if (rows.length === 0) return counts;
  const targets = await loadTargets(db, rows);
  // All of a batch at once: a slow push service then costs one timeout, well inside the lease,
  // rather than one per row (which could outlast it and let another dispatcher send a row again).
  const outcomes = await Promise.all(
    rows.map(async (row): Promise<keyof PushDispatchCounts | null> => {
      const target = targets.get(row.subscriptionId);
      if (!target) return null; // the device unsubscribed meanwhile: its rows went with it
      if (!settings.vapid) {
        await finish(db, row, { status: 'skipped', lastError: 'push notifications are not set up on this server' });
        recordSend('push', 'skipped', { outboxId: row.id, attempt: row.attempts });
        return 'skipped';
      }
      const message = { title: row.title, body: row.body, url: row.url, orderNumber: row.orderNumber };
      const vapid = settings.vapid;
      const outcome = await inSendSpan('push', row.id, () =>
        sendPush(target, message, vapid, { allowLocal: settings.allowLocalEndpoints }),
      );
      await record(db, row, outcome, now);
      const counted = outcome.kind !== 'retry' ? outcome.kind : shouldGiveUp(row.attempts) ? 'failed' : 'retried';
      const error = outcome.kind === 'retry' ? outcome.error : undefined;
      recordSend('push', counted, { outboxId: row.id, attempt: row.attempts, error });
      return counted;
    }),
  );
  for (const outcome of outcomes) if (outcome) counts[outcome]++;
  return counts;
}

/** Claims up to `limit` rows that are due or whose lease ran out (a statement to await; its plan is tested). */
export function claimDueRows(db: Database, now: Date, limit: number, leaseMs: number) {
  const due = db
    .select({ id: pushOutbox.id })
    .from(pushOutbox)
    .where(
      or(
        and(eq(pushOutbox.status, 'pending'), lte(pushOutbox.nextAttemptAt, now)),
        and(eq(pushOutbox.status, 'sending'), lte(pushOutbox.lockedUntil, now)),
      ),
    )
    .orderBy(pushOutbox.nextAttemptAt)
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(pushOutbox)
    .set({
      status: 'sending',
      lockedUntil: new Date(now.getTime() + leaseMs),
      attempts: sql`${pushOutbox.attempts} + 1`,
    })
    .where(sql`${pushOutbox.id} in (${due})`)
    .returning();
}

async function loadTargets(db: Database, rows: readonly PushOutboxRow[]): Promise<Map<string, PushTarget>> {
  const ids = [...new Set(rows.map((row) => row.subscriptionId))];
  const found = await db
    .select({
      id: pushSubscriptions.id,
      endpoint: pushSubscriptions.endpoint,
      p256dh: pushSubscriptions.p256dh,
      auth: pushSubscriptions.auth,
    })
    .from(pushSubscriptions)
    .where(inArray(pushSubscriptions.id, ids));
  return new Map(found.map(({ id, ...target }) => [id, target]));
}

// The claimed row carries this attempt's number: matching it is a fencing token, so a dispatcher
// whose lease expired and was taken over cannot overwrite the newer attempt's outcome.
function ownedBy(row: PushOutboxRow) {
  return and(eq(pushOutbox.id, row.id), eq(pushOutbox.status, 'sending'), eq(pushOutbox.attempts, row.attempts));
}

function finish(db: Database, row: PushOutboxRow, set: Partial<typeof pushOutbox.$inferInsert>) {
  return db
    .update(pushOutbox)
    .set({ lockedUntil: null, ...set })
    .where(ownedBy(row));
}

async function record(db: Database, row: PushOutboxRow, outcome: PushOutcome, now: Date): Promise<void> {
  if (outcome.kind === 'sent') {
    await finish(db, row, { status: 'sent', sentAt: now, lastError: null });
    await db.update(pushSubscriptions).set({ lastSuccessAt: now }).where(eq(pushSubscriptions.id, row.subscriptionId));
  } else if (outcome.kind === 'gone') {
    await db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, row.subscriptionId));
  } else {
    await finish(db, row, {
      status: shouldGiveUp(row.attempts) ? 'failed' : 'pending',
      nextAttemptAt: nextAttemptAt(row.attempts, now),
      lastError: outcome.error.slice(0, 2000),
    });
  }
}
