import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database, Executor } from '@/db/client';
import { paymentVoids } from '@/db/schema';
import { paymentProvider } from './provider';

/** How long a sender holds a row while it calls the provider; a sender that died lets go after it. */
const LEASE_MS = 5 * 60_000;
/** A void the provider refused is tried again after this, then a later run. */
const RETRY_MS = 15 * 60_000;
const MAX_PER_RUN = 1_000;

/** Queues a void of this authorization in the caller's transaction; `sendDueVoids` after the commit sends it. */
export async function queueVoid(
  tx: Executor,
  input: { orderId: string | null; reference: string; now: Date },
): Promise<void> {
  await tx
    .insert(paymentVoids)
    .values({ orderId: input.orderId, reference: input.reference, createdAt: input.now, nextAttemptAt: input.now });
}

/**
 * Voids the queued authorizations that are due, one provider call each, outside any transaction:
 * each row is claimed by one statement (its lease), voided with the row's id as idempotency key,
 * then marked done. Called right after the commit that queued a void, and by the balance-payments
 * job for any a dead process left behind. Returns how many were voided.
 */
export async function sendDueVoids(db: Database, now: Date, limit: number = MAX_PER_RUN): Promise<number> {
  let voided = 0;
  for (let n = 0; n < limit; n++) {
    const [row] = await db
      .update(paymentVoids)
      .set({ nextAttemptAt: new Date(now.getTime() + LEASE_MS), attempts: sql`${paymentVoids.attempts} + 1` })
      .where(
        eq(
          paymentVoids.id,
          sql`(select id from payment_voids where done_at is null and next_attempt_at <= ${now.toISOString()}::timestamptz
            order by next_attempt_at limit 1 for update skip locked)`,
        ),
      )
      .returning();
    if (!row) break;
    try {
      await paymentProvider().void({ reference: row.reference, idempotencyKey: `void:${row.id}` });
      await db
        .update(paymentVoids)
        .set({ doneAt: now, lastError: null })
        .where(and(eq(paymentVoids.id, row.id), isNull(paymentVoids.doneAt)));
      voided++;
    } catch (caught) {
      await db
        .update(paymentVoids)
        .set({
          nextAttemptAt: new Date(now.getTime() + RETRY_MS),
          lastError: caught instanceof Error ? caught.message : String(caught),
        })
        .where(eq(paymentVoids.id, row.id));
    }
  }
  return voided;
}

/**
 * Awaits a transaction that may have queued voids, then sends what is due (a few at most) now that
 * it has committed. A provider that fails here does not fail the request: the row stays queued
 * and the balance-payments job tries it again.
 */
export async function afterCommitSendVoids<T>(db: Database, now: Date, committed: Promise<T>): Promise<T> {
  const result = await committed;
  await sendDueVoids(db, now, 10).catch(() => 0);
  return result;
}
