import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Executor } from '@/db/client';
import { orderEvents, orders, organizations, users, type Order } from '@/db/schema';
import type { Actor } from '@/server/domain/access/actor';
import { conflict } from '@/server/domain/errors';
import { ORDER_STATUS_LABELS, orderTransition } from '@/server/domain/orders/state-machine';
import { formatTimestamp } from '@/server/domain/time';
import { enqueueEmail } from '@/server/email/outbox';
import type { PaymentQueueInput, RejectPaymentInput } from '@/server/schemas/staff-orders';
import { afterCommitSendVoids } from '../payments/voids';
import { cancelLockedOrder } from './cancel';
import { creditPosition } from './credit';
import { requesterEmail } from './notify';
import { allocateOrBackorder } from './proceed';
import { lockOrderByNumber } from './staff-orders';
import { recordOrderEvent } from './transition';

/** History kinds of the reviewer's decision (the status change itself follows as its own event). */
const APPROVED = 'payment_review_approved';
const REJECTED = 'payment_review_rejected';

/**
 * Orders waiting for a payment review, oldest first: who ordered, how much, how they pay, and why
 * the order was sent to review. Bill-me orders carry the account's credit line, which the reviewer
 * weighs against the amount.
 */
export async function paymentQueue(db: Database, input: PaymentQueueInput) {
  const reason = sql<
    string | null
  >`(select e.message from ${orderEvents} e where e.order_id = ${orders.id} and e.to_status = 'payment_review' order by e.at desc limit 1)`;
  const rows = await db
    .select({
      id: orders.id,
      number: orders.number,
      submittedAt: orders.submittedAt,
      poNumber: orders.poNumber,
      totalMinor: orders.totalMinor,
      currency: orders.currency,
      paymentMethod: orders.paymentMethod,
      cardLast4: orders.cardLast4,
      organizationId: orders.organizationId,
      organizationName: organizations.name,
      requesterName: users.name,
      requesterEmail: users.email,
      reason,
    })
    .from(orders)
    .innerJoin(organizations, eq(organizations.id, orders.organizationId))
    .innerJoin(users, eq(users.id, orders.userId))
    .where(eq(orders.status, 'payment_review'))
    .orderBy(asc(orders.submittedAt), asc(orders.id))
    .limit(input.pageSize + 1)
    .offset((input.page - 1) * input.pageSize);
  const [waiting] = await db.select({ n: count() }).from(orders).where(eq(orders.status, 'payment_review'));
  const page = rows.slice(0, input.pageSize);
  const withCredit = await Promise.all(
    page.map(async (row) => {
      if (row.paymentMethod !== 'on_account') return row;
      const credit = await creditPosition(db, row.organizationId, row.id);
      return credit
        ? {
            ...row,
            credit: {
              creditLimitMinor: credit.creditLimitMinor,
              openBalanceMinor: credit.openBalanceMinor,
              availableCreditMinor: credit.availableCreditMinor,
            },
          }
        : row;
    }),
  );
  return { rows: withCredit, hasNext: rows.length > input.pageSize, total: waiting?.n ?? 0, page: input.page };
}

/** Why a decision comes too late: who decided first and when, or else the state machine's word. */
async function tooLate(tx: Executor, order: Order, fallback: string, timeZone: string): Promise<string> {
  const [decision] = await tx
    .select({ kind: orderEvents.kind, at: orderEvents.at, actorName: users.name })
    .from(orderEvents)
    .leftJoin(users, eq(users.id, orderEvents.actorUserId))
    .where(and(eq(orderEvents.orderId, order.id), inArray(orderEvents.kind, [APPROVED, REJECTED])))
    .orderBy(desc(orderEvents.at))
    .limit(1);
  if (!decision) return fallback;
  const verb = decision.kind === APPROVED ? 'approved' : 'rejected';
  return `The payment of order ${order.number} was already ${verb} by ${decision.actorName ?? 'someone'} at ${formatTimestamp(decision.at, timeZone)}. It is now ${ORDER_STATUS_LABELS[order.status].toLowerCase()}.`;
}

/**
 * Approves a payment under review: the order goes on to inventory (confirmed, or backordered with
 * the backordered email) and the buyer is told the payment was accepted. The order's lock makes a
 * second reviewer wait and then see who decided.
 */
export async function approvePayment(db: Database, number: string, actor: Actor, now: Date) {
  return db.transaction(async (tx) => {
    const order = await lockOrderByNumber(tx, number);
    if (order.status !== 'payment_review') {
      const refusal = orderTransition(order.status, 'payment_approved');
      throw conflict(
        await tooLate(
          tx,
          order,
          refusal.ok ? 'The order is not waiting for a payment review.' : refusal.message,
          actor.timeZone,
        ),
      );
    }
    await recordOrderEvent(tx, order, APPROVED, {
      now,
      actorUserId: actor.userId,
      message: `Payment approved by ${actor.name}.`,
    });
    const after = await allocateOrBackorder(tx, order, now, {
      emailIfShort: true,
      set: { paymentStatus: 'authorized' },
    });
    const { to, base } = await requesterEmail(tx, after);
    await enqueueEmail(tx, { kind: 'payment-reviewed', to, now, props: { ...base, approved: true } });
    return { number: after.number, status: after.status };
  });
}

/** Rejects a payment under review: the order is canceled (stock and card authorization released) and the buyer is told why. */
export async function rejectPayment(db: Database, input: RejectPaymentInput, actor: Actor, now: Date) {
  const committed = db.transaction(async (tx) => {
    const order = await lockOrderByNumber(tx, input.number);
    if (order.status !== 'payment_review') {
      throw conflict(
        await tooLate(
          tx,
          order,
          `The order is not waiting for a payment review: it is ${ORDER_STATUS_LABELS[order.status].toLowerCase()}.`,
          actor.timeZone,
        ),
      );
    }
    await recordOrderEvent(tx, order, REJECTED, {
      now,
      actorUserId: actor.userId,
      message: `Payment rejected by ${actor.name}: ${input.reason}`,
      data: { reason: input.reason },
    });
    const canceled = await cancelLockedOrder(tx, order, actor, input.reason, now, {
      emailRequester: false,
    });
    const { to, base } = await requesterEmail(tx, canceled);
    await enqueueEmail(tx, {
      kind: 'payment-reviewed',
      to,
      now,
      props: { ...base, approved: false, reason: input.reason },
    });
    return { number: canceled.number, status: canceled.status };
  });
  return afterCommitSendVoids(db, now, committed);
}
