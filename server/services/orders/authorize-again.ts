import { eq } from 'drizzle-orm';
import type { Database, Executor, Transaction } from '@/db/client';
import { orders, type Order } from '@/db/schema';
import { DomainError } from '@/server/domain/errors';
import { paymentProvider, type Authorization } from '../payments/provider';
import { queueVoid, sendDueVoids } from '../payments/voids';
import { moveOrder, recordOrderEvent, touchedByThisTransaction } from './transition';

/**
 * A card authorization asked for before a transaction, handed into it; `used` is set when the
 * transaction stores it on the order, otherwise it is voided after.
 */
export type AuthorizationSlot = { authorization: Authorization | null; used: boolean };

/** Thrown inside a transaction that finds it needs the order's card authorized again. */
export class CardAuthorizationNeeded extends Error {
  constructor(readonly order: Pick<Order, 'id' | 'version' | 'paymentReference' | 'totalMinor' | 'currency'>) {
    super('The card must be authorized again first.');
  }
}

/**
 * Runs `work` in a transaction. If it finds that an order's card must be authorized again (its
 * authorization was voided when an approval was reversed, and now it is approved), it throws
 * `CardAuthorizationNeeded`: the transaction rolls back, the provider is asked with no transaction
 * open and no lock held, and `work` runs again with the authorization in its slot. An authorization
 * the work did not keep (it failed, or the order changed meanwhile) is voided after.
 */
export async function withCardAuthorization<T>(
  db: Database,
  now: Date,
  work: (tx: Transaction, slot: AuthorizationSlot) => Promise<T>,
): Promise<T> {
  const slot: AuthorizationSlot = { authorization: null, used: false };
  for (;;) {
    slot.used = false;
    try {
      const result = await db.transaction((tx) => work(tx, slot));
      if (slot.authorization?.reference && !slot.used) await voidAfter(db, slot.authorization.reference, now);
      return result;
    } catch (error) {
      if (error instanceof CardAuthorizationNeeded && !slot.authorization) {
        slot.authorization = await authorizeAgain(error.order);
        continue;
      }
      if (slot.authorization?.reference) await voidAfter(db, slot.authorization.reference, now);
      if (error instanceof CardAuthorizationNeeded)
        throw new DomainError('conflict', 'The order changed at the same moment. Reload it and try again.');
      throw error;
    }
  }
}

/**
 * The same card, by its earlier reference, keyed by the order and its version (a rerun of the same
 * decision asks with the same key); a replayed authorization voided since is asked for afresh.
 */
async function authorizeAgain(order: CardAuthorizationNeeded['order']): Promise<Authorization> {
  let idempotencyKey = `authorize-again:${order.id}:${order.version}`;
  for (let attempt = 0; ; attempt++) {
    const authorization = await paymentProvider().authorizeAgain({
      reference: order.paymentReference ?? '',
      amountMinor: order.totalMinor,
      currency: order.currency,
      idempotencyKey,
    });
    if (!authorization.voided || attempt >= 3) return authorization;
    idempotencyKey = `${idempotencyKey}:after:${authorization.reference}`;
  }
}

async function voidAfter(db: Database, reference: string, now: Date) {
  await queueVoid(db, { orderId: null, reference, now });
  await sendDueVoids(db, now, 10).catch(() => 0);
}

/** Whether the order's card authorization was voided (a reversed approval) and must be asked for again before payment. */
export function cardNeedsAuthorizing(order: Pick<Order, 'paymentMethod' | 'paymentStatus'>): boolean {
  return order.paymentMethod === 'card' && order.paymentStatus === 'voided';
}

/**
 * Stores the fresh authorization in the slot on the locked order, with a line in its history; a
 * card declined this time sends the order to payment review instead. Throws
 * `CardAuthorizationNeeded` when the slot is empty (the caller runs under `withCardAuthorization`).
 */
export async function takeFreshAuthorization(
  tx: Executor,
  order: Order,
  slot: AuthorizationSlot | undefined,
  now: Date,
): Promise<Order> {
  const authorization = slot?.authorization;
  if (!slot || !authorization) throw new CardAuthorizationNeeded(order);
  if (!authorization.reference || (authorization.outcome !== 'authorized' && authorization.outcome !== 'needs_review'))
    return moveOrder(
      tx,
      order,
      'needs_payment_review',
      {
        now,
        actorUserId: null,
        message: 'The card was declined when it was authorized again after the approval; the payment needs a review.',
      },
      { paymentStatus: 'review' },
    );
  slot.used = true;
  const [updated] = await tx
    .update(orders)
    .set({
      paymentReference: authorization.reference,
      cardOutcome: authorization.outcome,
      paymentStatus: 'pending',
      updatedAt: now,
      changeXid: touchedByThisTransaction,
    })
    .where(eq(orders.id, order.id))
    .returning();
  if (!updated) throw new Error(`order ${order.number} vanished under its lock`);
  await recordOrderEvent(tx, order, 'card_authorized_again', {
    now,
    actorUserId: null,
    message: 'Card authorized again for the approved order.',
  });
  return updated;
}
