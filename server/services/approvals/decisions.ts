import { and, eq, inArray } from 'drizzle-orm';
import type { Database, Executor } from '@/db/client';
import { orderByNumber } from '@/db/queries/orders';
import { approvalSteps, users, type ApprovalStepRow, type Order } from '@/db/schema';
import type { Actor } from '@/server/domain/access/actor';
import { decisionTarget, nextAfterApproval } from '@/server/domain/approvals/decisions';
import { DomainError, notFound } from '@/server/domain/errors';
import { enqueueEmail } from '@/server/email/outbox';
import { lockOrder, moveOrder, recordOrderEvent } from '../orders/transition';
import { requesterEmail } from '../orders/notify';
import { withCardAuthorization } from '../orders/authorize-again';
import { proceedAfterApproval } from '../orders/proceed';
import { delegateActivatedSteps } from './delegations';
import { emailAuthorizers, lockSteps, syncInbox } from './steps';

export type DecisionInput = { number: string; approve: boolean; feedback?: string };

const NEXT_STEP: Partial<Record<Order['status'], string>> = {
  payment_authorized: 'It goes on to shipping now.',
  payment_review: 'The seller reviews its payment first; you hear from us.',
  backordered: 'Some items are not in stock yet; it ships when they arrive.',
  declined: 'You can edit it and submit it again, or cancel it.',
};

/** The names of the users who decided these steps, by user id. */
export async function deciderNames(tx: Executor, steps: readonly ApprovalStepRow[]) {
  const ids = [...new Set(steps.map((step) => step.decidedByUserId).filter((id): id is string => Boolean(id)))];
  const rows = ids.length
    ? await tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids))
    : [];
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** The order of this organization by number, locked. */
export async function lockOrderByNumber(tx: Executor, organizationId: string, number: string): Promise<Order> {
  const found = await orderByNumber(tx, organizationId, number);
  if (!found) throw notFound('That order');
  return lockOrder(tx, found.id);
}

/**
 * Approves or declines the steps of an order this authorizer may decide, in one transaction
 * under the order's lock: of two authorizers deciding at once, the second finds the step decided
 * and is told by whom and when. The last approval sends the order on into payment and inventory;
 * a decline declines it. The requester is emailed the outcome with the feedback. An order whose
 * card authorization was voided by a reversed approval has its card authorized again before the
 * transaction that approves it (never inside it: see `withCardAuthorization`).
 */
export async function decideOrder(db: Database, actor: Actor, input: DecisionInput, now: Date) {
  return withCardAuthorization(db, now, async (tx, authorization) => {
    const order = await lockOrderByNumber(tx, actor.organizationId, input.number);
    const steps = await lockSteps(tx, order.id);
    const names = await deciderNames(tx, steps);
    const target = decisionTarget(
      actor.membershipId,
      order.status === 'pending_approval',
      steps.map((step) => ({ ...step, decidedByName: step.decidedByUserId ? names.get(step.decidedByUserId) : null })),
      actor.timeZone,
    );
    if (!target.ok) throw new DomainError(target.code, target.message);

    const status = input.approve ? ('approved' as const) : ('declined' as const);
    const feedback = input.feedback?.trim() || null;
    const decided = await tx
      .update(approvalSteps)
      .set({
        status,
        decidedByMembershipId: actor.membershipId,
        decidedByUserId: actor.userId,
        onBehalfOfMembershipId: target.onBehalfOf?.membershipId ?? null,
        decidedAt: now,
        feedback,
      })
      .where(and(inArray(approvalSteps.id, target.stepIds), eq(approvalSteps.status, 'pending')))
      .returning();
    const by = target.onBehalfOf ? `${actor.name} on behalf of ${target.onBehalfOf.name}` : actor.name;
    const labels = decided.map((step) => step.label).join(', ');
    const data = {
      stepIds: target.stepIds,
      decidedBy: actor.name,
      onBehalfOf: target.onBehalfOf?.name ?? null,
      feedback,
    };

    let current = order;
    if (!input.approve) {
      current = await moveOrder(tx, order, 'decline', {
        now,
        actorUserId: actor.userId,
        message: `Declined by ${by} (${labels})${feedback ? `: “${feedback}”` : '.'}`,
        data,
      });
    } else {
      await recordOrderEvent(tx, order, 'approve', {
        now,
        actorUserId: actor.userId,
        message: `Approved by ${by} (${labels})${feedback ? `: “${feedback}”` : '.'}`,
        data,
      });
      const all = steps.map((step) => decided.find((row) => row.id === step.id) ?? step);
      const next = nextAfterApproval(all);
      if (next.kind === 'activate') {
        const activated = await tx
          .update(approvalSteps)
          .set({ status: 'pending', pendingSince: now })
          .where(
            and(
              eq(approvalSteps.orderId, order.id),
              eq(approvalSteps.tier, next.tier),
              eq(approvalSteps.status, 'waiting'),
            ),
          )
          .returning();
        // A tier that comes due while one of its authorizers is away is offered to their stand-in too.
        await emailAuthorizers(tx, order, await delegateActivatedSteps(tx, order, activated, now), now);
      } else if (next.kind === 'approved') {
        current = await proceedAfterApproval(tx, order, now, { authorization });
      }
    }

    await syncInbox(tx, current, await lockSteps(tx, order.id));
    const settled = !input.approve || current.status !== 'pending_approval';
    if (settled) await emailOutcome(tx, current, input.approve, by, feedback, now);
    return { number: current.number, status: current.status, decision: status };
  });
}

async function emailOutcome(
  tx: Executor,
  order: Order,
  approved: boolean,
  decidedBy: string,
  feedback: string | null,
  now: Date,
) {
  const { to, base } = await requesterEmail(tx, order);
  await enqueueEmail(tx, {
    kind: 'approval-decided',
    to,
    now,
    props: { ...base, approved, decidedBy, nextStep: NEXT_STEP[order.status] ?? '', ...(feedback ? { feedback } : {}) },
  });
}
