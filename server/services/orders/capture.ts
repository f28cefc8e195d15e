import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { customerAccounts, orders, type Order } from '@/db/schema';
import type { Actor } from '@/server/domain/access/actor';
import { DomainError } from '@/server/domain/errors';
import { nextCaptureAttemptAt } from '@/server/domain/orders/capture-retry';
import { orderTransition } from '@/server/domain/orders/state-machine';
import { formatTimestamp } from '@/server/domain/time';
import { paymentProvider } from '../payments/provider';
import { moveOrder, recordOrderEvent, touchedByThisTransaction } from './transition';

export type CaptureOutcome =
  | { kind: 'captured' | 'invoiced' | 'collected'; order: Order }
  | { kind: 'failed'; order: Order; error: string; nextAttemptAt: Date };

/**
 * Takes the money for a shipped order the caller has locked, and marks it deposited: a card is
 * captured with the provider; bill-me is invoiced (it stays in the open balance until staff record
 * the customer's payment); cash on delivery is recorded as collected. A failed capture leaves the
 * order shipped with the error and the time of the next try from the back-off policy. `actor` is
 * the member of staff retrying a failed capture, or null when the balance-payments job asks.
 *
 * A card's capture was asked of the provider before this transaction (`captureCard`, called with
 * no transaction open and no lock held) and its answer is passed in as `cardError` (null: captured);
 * this only records it. The caller checks, under the order's lock, that the order is still the one
 * it captured (same attempt count), so an overlapping job run or staff retry records it once.
 */
export async function captureLockedOrder(
  tx: Executor,
  order: Order,
  now: Date,
  actor: Actor | null,
  cardError: string | null = 'The card capture was not asked of the provider.',
): Promise<CaptureOutcome> {
  const transition = orderTransition(order.status, 'deposit');
  if (!transition.ok) throw new DomainError('conflict', transition.message);
  const by = actor ? ` (retried by ${actor.name})` : '';
  const note = (message: string, data?: Record<string, unknown>) => ({
    now,
    actorUserId: actor?.userId ?? null,
    message,
    data,
  });
  const deposited = { paymentStatus: 'captured' as const, depositedAt: now, captureError: null, captureNextAt: null };

  if (order.paymentMethod === 'on_account') {
    const [account] = await tx
      .select({ paymentTerms: customerAccounts.paymentTerms })
      .from(customerAccounts)
      .where(eq(customerAccounts.organizationId, order.organizationId));
    const terms = account ? ` on ${account.paymentTerms} terms` : '';
    const moved = await moveOrder(
      tx,
      order,
      'deposit',
      note(`Invoiced${terms}; it counts in the open balance until the customer pays.`),
      deposited,
    );
    return { kind: 'invoiced', order: moved };
  }
  if (order.paymentMethod === 'cod') {
    const moved = await moveOrder(tx, order, 'deposit', note('Cash on delivery collected and recorded.'), deposited);
    return { kind: 'collected', order: moved };
  }

  const attempt = order.captureAttempts + 1;
  const error = cardError;
  if (error === null) {
    const moved = await moveOrder(tx, order, 'deposit', note(`Card payment captured${by}.`, { attempt }), {
      ...deposited,
      captureAttempts: attempt,
    });
    return { kind: 'captured', order: moved };
  }
  const nextAttemptAt = nextCaptureAttemptAt(attempt, now);
  const [failed] = await tx
    .update(orders)
    .set({
      paymentStatus: 'capture_failed',
      captureAttempts: attempt,
      captureError: error,
      captureNextAt: nextAttemptAt,
      updatedAt: now,
      changeXid: touchedByThisTransaction,
    })
    .where(eq(orders.id, order.id))
    .returning();
  if (!failed) throw new Error(`order ${order.number} vanished under its lock`);
  // A note kept in the order's history for everyone who reads it (staff and buyers, in any zone),
  // written once: its time stays in UTC, which the zone name makes unambiguous.
  await recordOrderEvent(
    tx,
    order,
    'capture_failed',
    note(`Card capture failed${by} (attempt ${attempt}): ${error} Next try ${formatTimestamp(nextAttemptAt)}.`, {
      attempt,
      error,
      nextAttemptAt: nextAttemptAt.toISOString(),
    }),
  );
  return { kind: 'failed', order: failed, error, nextAttemptAt };
}

/**
 * Asks the provider to capture a card order's authorization; call it with no transaction open.
 * The idempotency key names the order and the attempt about to be recorded: if the process dies
 * after the provider captured and before the outcome was written, the next try is the same attempt
 * with the same key, and the provider answers it without capturing again.
 * Returns the error message, or null when captured; a thrown error is a failed capture too.
 */
export async function captureCard(
  order: Pick<Order, 'id' | 'paymentReference' | 'totalMinor' | 'currency' | 'captureAttempts'>,
): Promise<string | null> {
  if (!order.paymentReference) return 'The order has no card authorization to capture.';
  try {
    const result = await paymentProvider().capture({
      reference: order.paymentReference,
      amountMinor: order.totalMinor,
      currency: order.currency,
      idempotencyKey: `capture:${order.id}:${order.captureAttempts + 1}`,
    });
    return result.ok ? null : result.error;
  } catch (caught) {
    return `The payment provider could not be reached: ${caught instanceof Error ? caught.message : String(caught)}`;
  }
}
