import type { Executor } from '@/db/client';
import type { Order } from '@/db/schema';
import { paymentDecision, type PaymentInput } from '@/server/domain/orders/payment';
import { cardNeedsAuthorizing, takeFreshAuthorization, type AuthorizationSlot } from './authorize-again';
import { creditPosition } from './credit';
import { allocateOrder, type AllocationLine } from './inventory';
import { emailAllocated, emailBackordered } from './notify';
import { moveOrder } from './transition';

/** The system acting on its own (no person): shown as "Countersign" in the order's history. */
const SYSTEM = null;

/**
 * Inventory: all lines allocated → payment_authorized; otherwise backordered (the buyer is told
 * which items are short, unless the caller tells them otherwise). A backordered order that gets its
 * stock is confirmed, and the buyer is told. Used after payment, by staff approving a payment, and
 * by the process-backorders job.
 */
export async function allocateOrBackorder(
  tx: Executor,
  order: Order,
  now: Date,
  options: { emailIfShort: boolean; set?: Partial<Pick<Order, 'paymentStatus'>>; lines?: readonly AllocationLine[] },
): Promise<Order> {
  const result = await allocateOrder(tx, order.id, options.lines);
  if (result.kind === 'allocated') {
    const allocated = await moveOrder(
      tx,
      order,
      'allocated',
      { now, actorUserId: SYSTEM, message: 'All items allocated from stock.' },
      options.set,
    );
    if (order.status === 'backordered') await emailAllocated(tx, allocated, now);
    return allocated;
  }
  if (order.status === 'backordered') return order;
  const message = `Backordered: not enough stock of ${result.shortSkus.join(', ')}.`;
  const moved = await moveOrder(
    tx,
    order,
    'short_of_stock',
    { now, actorUserId: SYSTEM, message, data: { shortSkus: result.shortSkus } },
    options.set,
  );
  if (options.emailIfShort) await emailBackordered(tx, moved, result.shortSkus, now);
  return moved;
}

/**
 * What happens once an order needs no (more) approval: the payment decision, then inventory.
 * Card orders were authorized at checkout; bill-me is checked against the available credit now,
 * so earlier orders approved meanwhile count. A caller that has just read the credit and written
 * the lines in the same transaction (the submit) passes them in. The buyer is emailed when the order
 * is backordered, unless the caller says it tells them itself (the submit's order-received email).
 * A card whose authorization was voided (a reversed approval) takes the fresh one in
 * `known.authorization`, which the caller asked for outside its transaction (`withCardAuthorization`).
 */
export async function proceedAfterApproval(
  tx: Executor,
  approved: Order,
  now: Date,
  known: {
    availableCreditMinor?: number;
    lines?: readonly AllocationLine[];
    emailIfShort?: boolean;
    authorization?: AuthorizationSlot;
  } = {},
): Promise<Order> {
  const order = cardNeedsAuthorizing(approved)
    ? await takeFreshAuthorization(tx, approved, known.authorization, now)
    : approved;
  if (order.status === 'payment_review') return order;
  const availableCreditMinor =
    order.paymentMethod !== 'on_account'
      ? 0
      : (known.availableCreditMinor ??
        (await creditPosition(tx, order.organizationId, order.id))?.availableCreditMinor ??
        0);
  const input: PaymentInput =
    order.paymentMethod === 'on_account'
      ? { method: 'on_account', totalMinor: order.totalMinor, availableCreditMinor }
      : order.paymentMethod === 'cod'
        ? { method: 'cod' }
        : { method: 'card', cardOutcome: order.cardOutcome === 'needs_review' ? 'needs_review' : 'authorized' };
  const decision = paymentDecision(input, [order.paymentMethod]);
  if (decision.kind === 'review') {
    return moveOrder(
      tx,
      order,
      'needs_payment_review',
      { now, actorUserId: SYSTEM, message: decision.reason },
      { paymentStatus: 'review' },
    );
  }
  return allocateOrBackorder(tx, order, now, {
    emailIfShort: known.emailIfShort ?? true,
    set: { paymentStatus: 'authorized' },
    lines: known.lines,
  });
}
