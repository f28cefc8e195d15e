import { and, eq, lte, or, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { emailOutbox, type OutboxRow } from '@/db/schema';
import { nextAttemptAt, shouldGiveUp } from '@/server/domain/email/retry-policy';
import { inSendSpan, recordSend } from '@/server/observability/work';
import { loadEmailSender } from './frame';
import { renderEmail } from './render';
import type { EmailTransport } from './transports';

export type DispatchOptions = {
  db: Database;
  now: Date;
  transport: EmailTransport;
  from: string;
  batchSize?: number;
  leaseMs?: number;
};
export type DispatchCounts = { claimed: number; sent: number; retried: number; failed: number };

/**
 * Sends due outbox rows. A row is leased (status `sending`, `locked_until`) in its own short
 * transaction, so two dispatchers never take the same row, and a dispatcher that dies mid-send
 * leaves a lease that expires: the row is sent again with the same idempotency key, which the
 * provider (and the dev mailbox) treat as the same email.
 */
export async function dispatchEmails(options: DispatchOptions): Promise<DispatchCounts> {
  const { db, now, transport } = options;
  const rows = await claimDueRows(db, now, options.batchSize ?? 25, options.leaseMs ?? 120_000);
  const counts: DispatchCounts = { claimed: rows.length, sent: 0, retried: 0, failed: 0 };
  if (rows.length === 0) return counts;
  const sender = await loadEmailSender(db);
  for (const row of rows) {
    try {
      const rendered = await renderEmail(row.kind, row.props, sender);
      const result = await inSendSpan('email', row.id, () =>
        transport.send({ ...rendered, outboxId: row.id, to: row.toAddress, from: options.from }),
      );
      await markSent(db, row, result.providerMessageId, now);
      counts.sent++;
      recordSend('email', 'sent', { outboxId: row.id, kind: row.kind, attempt: row.attempts });
    } catch (error) {
      const gaveUp = await markFailed(db, row, error, now);
      if (gaveUp) counts.failed++;
      else counts.retried++;
      recordSend('email', gaveUp ? 'failed' : 'retried', {
        outboxId: row.id,
        kind: row.kind,
        attempt: row.attempts,
        error,
      });
    }
  }
  return counts;
}

/** Claims up to `limit` rows that are due or whose lease ran out (a statement to await; its plan is tested). */
export function claimDueRows(db: Database, now: Date, limit: number, leaseMs: number) {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const due = db
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    // Column-bound comparisons, not raw sql: drizzle only encodes a Date for postgres-js through its column.
    .where(
      or(
        and(eq(emailOutbox.status, 'pending'), lte(emailOutbox.nextAttemptAt, now)),
        and(eq(emailOutbox.status, 'sending'), lte(emailOutbox.lockedUntil, now)),
      ),
    )
    .orderBy(emailOutbox.nextAttemptAt)
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(emailOutbox)
    .set({ status: 'sending', lockedUntil: leaseUntil, attempts: sql`${emailOutbox.attempts} + 1` })
    .where(sql`${emailOutbox.id} in (${due})`)
    .returning();
}

// Claimed rows already carry this attempt's number. The `attempts` match is a fencing token: a dispatcher whose lease expired and was taken over
// cannot overwrite the newer attempt's outcome.
function ownedBy(row: OutboxRow) {
  return and(eq(emailOutbox.id, row.id), eq(emailOutbox.status, 'sending'), eq(emailOutbox.attempts, row.attempts));
}

async function markSent(db: Database, row: OutboxRow, providerMessageId: string, now: Date) {
  await db
    .update(emailOutbox)
    .set({ status: 'sent', sentAt: now, lockedUntil: null, providerMessageId, lastError: null })
    .where(ownedBy(row));
}

async function markFailed(db: Database, row: OutboxRow, error: unknown, now: Date): Promise<boolean> {
  const attempts = row.attempts; // already counts this attempt: the claim incremented it
  const gaveUp = shouldGiveUp(attempts);
  await db
    .update(emailOutbox)
    .set({
      status: gaveUp ? 'failed' : 'pending',
      lockedUntil: null,
      nextAttemptAt: nextAttemptAt(attempts, now),
      lastError: (error instanceof Error ? error.message : String(error)).slice(0, 2000),
    })
    .where(ownedBy(row));
  return gaveUp;
}
