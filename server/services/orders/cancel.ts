import type { Executor } from '@/db/client';
import { and, eq, inArray } from 'drizzle-orm';
import { approvalInbox, approvalSteps, type Order } from '@/db/schema';
import { queueVoid } from '../payments/voids';
import { releaseAllocations } from './inventory';
import { emailCanceled } from './notify';
import { moveOrder } from './transition';

/** Steps still to decide are void, and the order leaves the inboxes where it waited for a decision. */
async function withdrawApprovalSteps(tx: Executor, orderId: string) {
  await tx
    .update(approvalSteps)
    .set({ status: 'void' })
    .where(and(eq(approvalSteps.orderId, orderId), inArray(approvalSteps.status, ['pending', 'waiting'])));
  await tx
    .delete(approvalInbox)
    .where(and(eq(approvalInbox.orderId, orderId), inArray(approvalInbox.state, ['pending', 'waiting'])));
}

export type Canceler = { userId: string; name: string };

/** `emailRequester: false` when the caller sends an email of its own (a rejected payment review). */
export type CancelOptions = { emailRequester?: boolean };

/**
 * Cancels a locked order while the state machine allows it (before release): gives its stock back,
 * takes it out of its authorizers' inboxes, queues the void of a card authorization, records who
 * and why, emails the requester. The caller sends the void (`sendDueVoids`) once it has committed.
 */
export async function cancelLockedOrder(
  tx: Executor,
  order: Order,
  by: Canceler,
  reason: string | null,
  now: Date,
  options: CancelOptions = {},
): Promise<Order> {
  const message = `Canceled by ${by.name}${reason ? `: ${reason}` : '.'}`;
  const canceled = await moveOrder(
    tx,
    order,
    'cancel',
    { now, actorUserId: by.userId, message, data: reason ? { reason } : {} },
    {
      canceledAt: now,
      paymentStatus: order.paymentReference && order.paymentStatus !== 'captured' ? 'voided' : order.paymentStatus,
    },
  );
  await releaseAllocations(tx, order.id);
  await withdrawApprovalSteps(tx, order.id);
  // Voided with the provider after the commit (the caller sends it): never while this transaction holds its locks.
  if (order.paymentReference && order.paymentStatus !== 'captured' && order.paymentStatus !== 'voided')
    await queueVoid(tx, { orderId: order.id, reference: order.paymentReference, now });
  if (options.emailRequester !== false) await emailCanceled(tx, canceled, by.name, reason, now);
  return canceled;
}
