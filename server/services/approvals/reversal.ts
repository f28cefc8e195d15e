import { and, eq, gt, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { approvalSteps } from '@/db/schema';
import type { Actor } from '@/server/domain/access/actor';
import { reversalTarget } from '@/server/domain/approvals/decisions';
import { DomainError } from '@/server/domain/errors';
import { releaseAllocations } from '../orders/inventory';
import { moveOrder, recordOrderEvent } from '../orders/transition';
import { lockOrderByNumber } from './decisions';
import { delegateActivatedSteps } from './delegations';
import { emailAuthorizers, lockSteps, syncInbox } from './steps';

/**
 * "Cancel my decision" (Sana's reverse authorization): while the order is not released, the
 * authorizer's latest approval or decline is undone and the order returns to that step, in one
 * transaction: later tiers wait again, allocated stock goes back, the payment decision is undone
 * (a card authorization is kept, so the buyer is not asked for the card again). The step can then
 * be decided again by any of its authorizers.
 */
export async function cancelDecision(db: Database, actor: Actor, number: string, now: Date) {
  return db.transaction(async (tx) => {
    const order = await lockOrderByNumber(tx, actor.organizationId, number);
    const steps = await lockSteps(tx, order.id);
    const target = reversalTarget(actor.membershipId, order.status, steps);
    if (!target.ok) throw new DomainError(target.code, target.message);

    const reopened = await tx
      .update(approvalSteps)
      .set({
        status: 'pending',
        pendingSince: now,
        decidedByMembershipId: null,
        decidedByUserId: null,
        onBehalfOfMembershipId: null,
        decidedAt: null,
        feedback: null,
        version: sql`${approvalSteps.version} + 1`,
      })
      .where(eq(approvalSteps.id, target.stepId))
      .returning();
    await tx
      .update(approvalSteps)
      .set({
        status: 'waiting',
        pendingSince: null,
        decidedByMembershipId: null,
        decidedByUserId: null,
        onBehalfOfMembershipId: null,
        decidedAt: null,
        feedback: null,
      })
      .where(and(eq(approvalSteps.orderId, order.id), gt(approvalSteps.tier, target.tier)));
    // Other steps of the same tier keep their decisions, except declines: the order is no longer declined.
    await tx
      .update(approvalSteps)
      .set({
        status: 'pending',
        pendingSince: now,
        decidedByMembershipId: null,
        decidedByUserId: null,
        onBehalfOfMembershipId: null,
        decidedAt: null,
        feedback: null,
      })
      .where(
        and(
          eq(approvalSteps.orderId, order.id),
          eq(approvalSteps.tier, target.tier),
          eq(approvalSteps.status, 'declined'),
        ),
      );

    const message = `${actor.name} canceled their decision; the order waits for “${reopened[0]?.label ?? 'approval'}” again.`;
    let current = order;
    if (order.status === 'pending_approval') {
      await recordOrderEvent(tx, order, 'cancel_decision', { now, actorUserId: actor.userId, message });
    } else {
      await releaseAllocations(tx, order.id);
      current = await moveOrder(
        tx,
        order,
        'cancel_decision',
        { now, actorUserId: actor.userId, message },
        { paymentStatus: 'pending' },
      );
    }
    // The reopened step comes due again: an authorizer of it away now has it offered to their stand-in.
    const after = await lockSteps(tx, order.id);
    const [step] = await delegateActivatedSteps(
      tx,
      current,
      after.filter((candidate) => candidate.id === target.stepId),
      now,
    );
    await syncInbox(
      tx,
      current,
      after.map((candidate) => (candidate.id === step?.id ? step : candidate)),
    );
    const others = step
      ? [{ ...step, authorizers: step.authorizers.filter((person) => person.membershipId !== actor.membershipId) }]
      : [];
    await emailAuthorizers(tx, current, others, now);
    return { number: current.number, status: current.status };
  });
}
