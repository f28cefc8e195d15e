import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { approvalSteps } from '@/db/schema';
import type { Actor } from '@/server/domain/access/actor';
import { DomainError, notFound } from '@/server/domain/errors';
import { approvalRefusal } from '@/server/domain/orders/checkout-acceptance';
import { moveOrder } from '../orders/transition';
import { withCardAuthorization } from '../orders/authorize-again';
import { proceedAfterApproval } from '../orders/proceed';
import { lockOrderByNumber } from './decisions';
import { approvalSteps as evaluateSteps } from './policy';
import { openApprovalSteps } from './steps';

/**
 * The actor submits a declined order again, as it is (say, after the administrator raised a
 * limit, or the authorizer asked to try again): the approval policy is asked afresh, the old
 * steps are set aside, and the order waits for the new ones — or goes straight on if none apply.
 */
export async function resubmitDeclined(db: Database, actor: Actor, number: string, now: Date) {
  return withCardAuthorization(db, now, async (tx, authorization) => {
    const order = await lockOrderByNumber(tx, actor.organizationId, number);
    if (order.membershipId !== actor.membershipId) throw notFound('That order');
    if (order.status !== 'declined') throw new DomainError('conflict', 'Only a declined order can be submitted again.');
    const steps = await evaluateSteps(tx, actor, order, now);
    const unapprovable = approvalRefusal(steps);
    if (unapprovable) throw new DomainError('precondition_failed', unapprovable.message);
    await tx.update(approvalSteps).set({ status: 'void' }).where(eq(approvalSteps.orderId, order.id));
    const resubmitted = await moveOrder(tx, order, 'resubmit', {
      now,
      actorUserId: actor.userId,
      message: steps.length > 0 ? 'Submitted again; it needs approval.' : 'Submitted again; it needs no approval now.',
    });
    if (steps.length === 0) {
      const moved = await proceedAfterApproval(tx, resubmitted, now, { authorization });
      return { number: moved.number, status: moved.status };
    }
    await openApprovalSteps(tx, resubmitted, steps, now);
    return { number: resubmitted.number, status: resubmitted.status };
  });
}
