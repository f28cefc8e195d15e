import { and, eq, gt, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { approvalSteps, type Order } from '@/db/schema';
import type { Actor } from '@/server/domain/access/actor';
import { reversalTarget } from '@/server/domain/approvals/decisions';
import { DomainError } from '@/server/domain/errors';
import { releaseAllocations } from '../orders/inventory';
import { afterCommitSendVoids, queueVoid } from '../payments/voids';
import { moveOrder, recordOrderEvent } from '../orders/transition';
import { lockOrderByNumber } from './decisions';
import { delegateActivatedSteps } from './delegations';
import { emailAuthorizers, lockSteps, syncInbox } from './steps';

/**
 * "Cancel my decision" (Sana's reverse authorization): while the order is not released, the
 * authorizer's latest approval or decline is undone and the order returns to that step, in one
 * transaction: later tiers wait again, allocated stock goes back, the payment decision is undone.
 * An order sent back to waiting gives up its card authorization: the void is queued in the
 * transaction, written in the order's history, and sent to the provider after the commit; the same
 * card is authorized again (by its reference) when the order is approved, so the buyer is not asked
 * for it again. The step can then be decided again by any of its authorizers.
 */
export async function cancelDecision(db: Database, actor: Actor, number: string, now: Date) {
  const committed = db.transaction(async (tx) => {
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
      const voidCard = cardAuthorizationToVoid(order);
      current = await moveOrder(
        tx,
        order,
        'cancel_decision',
        { now, actorUserId: actor.userId, message },
        { paymentStatus: voidCard ? 'voided' : 'pending' },
      );
      if (voidCard) {
        // Voided with the provider after the commit; authorized again when the order is approved.
        await queueVoid(tx, { orderId: order.id, reference: voidCard, now });
        await recordOrderEvent(tx, order, 'card_voided', {
          now,
          actorUserId: actor.userId,
          message: `Card authorization voided: the order waits for approval again. The card is authorized again when it is approved.`,
          data: { cardLast4: order.cardLast4 },
        });
      }
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
  return afterCommitSendVoids(db, now, committed);
}

/** The card authorization an order sent back to waiting gives up: one not yet captured or voided. */
function cardAuthorizationToVoid(order: Order): string | null {
  if (order.paymentMethod !== 'card' || !order.paymentReference) return null;
  return order.paymentStatus === 'captured' || order.paymentStatus === 'voided' ? null : order.paymentReference;
}
