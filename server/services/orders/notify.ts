import { asc, eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { orderLines, type Order } from '@/db/schema';
import { ORDER_STATUS_LABELS } from '@/server/domain/orders/state-machine';
import { enqueueEmail } from '@/server/email/outbox';
import { appUrl } from '@/server/env';
import { orderEmailSummary } from './email-summary';

/** What every order email to the requester starts from: their address, name and the order as they may see it. */
export async function requesterEmail(tx: Executor, order: Order) {
  const recipient = await orderEmailSummary(tx, order, order.membershipId);
  return {
    to: recipient.to,
    base: {
      name: recipient.name,
      orderNumber: order.number,
      orderUrl: appUrl(`/orders/${order.number}`),
      summary: recipient.summary,
    },
    maySeePrices: recipient.maySeePrices,
  };
}

export async function emailLines(tx: Executor, orderId: string) {
  return tx
    .select({ sku: orderLines.sku, name: orderLines.name, quantity: orderLines.quantity })
    .from(orderLines)
    .where(eq(orderLines.orderId, orderId))
    .orderBy(asc(orderLines.lineNumber));
}

const NEXT_STEP: Partial<Record<Order['status'], string>> = {
  pending_approval: 'It waits for approval by your organization; we email you when it is decided.',
  payment_review: 'We review the payment and email you the outcome.',
  backordered: 'Some items are not in stock yet; we ship the order when they arrive.',
  payment_authorized: 'We prepare it for shipping and email you the tracking number.',
};

export type EmailLine = { sku: string; name: string; quantity: number };

/** The order-received email's props: the requester's part (`requesterEmail`) and what comes next for the order. */
export function orderReceivedProps(base: Awaited<ReturnType<typeof requesterEmail>>['base'], status: Order['status']) {
  return { ...base, statusLabel: ORDER_STATUS_LABELS[status], nextStep: NEXT_STEP[status] ?? '' };
}

/** The order-received email to the requester, with the order as they may see it. */
export async function emailOrderReceived(tx: Executor, order: Order, now: Date): Promise<void> {
  const { to, base } = await requesterEmail(tx, order);
  await enqueueEmail(tx, { kind: 'order-received', to, now, props: orderReceivedProps(base, order.status) });
}

/** Tells the requester which items an order waits for, when it becomes backordered. */
export async function emailBackordered(
  tx: Executor,
  order: Order,
  shortSkus: readonly string[],
  now: Date,
): Promise<void> {
  const { to, base } = await requesterEmail(tx, order);
  const lines = await emailLines(tx, order.id);
  await enqueueEmail(tx, {
    kind: 'order-backordered',
    to,
    now,
    props: { ...base, shortLines: lines.filter((line) => shortSkus.includes(line.sku)) },
  });
}

/** Tells the requester that a backordered order got its stock and is confirmed. */
export async function emailAllocated(tx: Executor, order: Order, now: Date): Promise<void> {
  const { to, base } = await requesterEmail(tx, order);
  await enqueueEmail(tx, {
    kind: 'order-allocated',
    to,
    now,
    props: base,
  });
}

export async function emailCanceled(
  tx: Executor,
  order: Order,
  canceledBy: string,
  reason: string | null,
  now: Date,
): Promise<void> {
  const { to, base } = await requesterEmail(tx, order);
  await enqueueEmail(tx, {
    kind: 'order-canceled',
    to,
    now,
    props: { ...base, canceledBy, ...(reason ? { reason } : {}) },
  });
}
