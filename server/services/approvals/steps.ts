import { asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { approvalInbox, approvalSteps, type ApprovalStepRow, type Order } from '@/db/schema';
import { describeBudget, monthNameWords } from '@/server/domain/approvals/budget';
import type { ApprovalStep, InboxState } from '@/server/domain/approvals/evaluate';
import { enqueueEmail } from '@/server/email/outbox';
import { appUrl } from '@/server/env';
import { orderEmailSummaries } from '../orders/email-summary';
import { orderBudgetFacts } from './budget';
import { stepLabel } from './policy';

/** A new order's steps as they are first stored: the first tier pending, later tiers waiting. */
export function newStepValues(
  order: Pick<Order, 'id' | 'organizationId' | 'currency'>,
  steps: readonly ApprovalStep[],
  now: Date,
) {
  return steps.map((step) => ({
    orderId: order.id,
    organizationId: order.organizationId,
    tier: step.tier,
    source: step.source,
    label: stepLabel(step, order.currency),
    authorizers: step.authorizers,
    escalated: step.escalated,
    status: step.tier === 1 ? ('pending' as const) : ('waiting' as const),
    pendingSince: step.tier === 1 ? now : null,
  }));
}

/** Stores the steps of a newly submitted order (`newStepValues`); tells the first tier. */
export async function openApprovalSteps(
  tx: Executor,
  order: Order,
  steps: readonly ApprovalStep[],
  now: Date,
): Promise<void> {
  const rows = await tx
    .insert(approvalSteps)
    .values(newStepValues(order, steps, now))
    .returning();
  await syncInbox(tx, order, rows);
  await emailAuthorizers(
    tx,
    order,
    rows.filter((row) => row.status === 'pending'),
    now,
  );
}

/** The steps of an order in tier order, locked until the transaction ends. */
export async function lockSteps(tx: Executor, orderId: string): Promise<ApprovalStepRow[]> {
  return tx
    .select()
    .from(approvalSteps)
    .where(eq(approvalSteps.orderId, orderId))
    .orderBy(asc(approvalSteps.tier), asc(approvalSteps.id))
    .for('update');
}

/**
 * How the order stands for one authorizer: declined or approved once the order is decided; pending
 * while a step they may decide waits for a decision; waiting while their step waits for an earlier
 * tier; approved when their part is done and others still decide.
 */
export function inboxStateFor(
  membershipId: string,
  orderStatus: Order['status'],
  steps: readonly Pick<ApprovalStepRow, 'status' | 'authorizers'>[],
): InboxState {
  if (steps.some((step) => step.status === 'declined')) return 'declined';
  const mine = steps.filter((step) => step.authorizers.some((person) => person.membershipId === membershipId));
  if (orderStatus === 'pending_approval' && mine.some((step) => step.status === 'pending')) return 'pending';
  if (orderStatus === 'pending_approval' && mine.some((step) => step.status === 'waiting')) return 'waiting';
  return 'approved';
}

/**
 * The order's inbox rows as its steps make them: one per person named in any step, on behalf of
 * the absent authorizer only when that is the only way they are named.
 */
export function inboxRowsFor(
  orderStatus: Order['status'],
  steps: readonly Pick<ApprovalStepRow, 'status' | 'authorizers'>[],
): { membershipId: string; state: InboxState; onBehalfOfMembershipId: string | null }[] {
  const people = new Map<string, string | null>();
  for (const step of steps)
    for (const person of step.authorizers)
      if (!people.has(person.membershipId) || !person.onBehalfOf)
        people.set(person.membershipId, person.onBehalfOf?.membershipId ?? null);
  return [...people].map(([membershipId, onBehalfOf]) => ({
    membershipId,
    state: inboxStateFor(membershipId, orderStatus, steps),
    onBehalfOfMembershipId: onBehalfOf,
  }));
}

/** Rewrites the order's inbox rows (one per person named in any step) from its steps. */
export async function syncInbox(tx: Executor, order: Order, steps: readonly ApprovalStepRow[]): Promise<void> {
  const rows = inboxRowsFor(order.status, steps);
  if (rows.length === 0) return;
  await tx
    .insert(approvalInbox)
    .values(
      rows.map((row) => ({
        ...row,
        orderId: order.id,
        organizationId: order.organizationId,
        submittedAt: order.submittedAt,
        orderNumber: order.number,
        requesterMembershipId: order.membershipId,
      })),
    )
    .onConflictDoUpdate({
      target: [approvalInbox.membershipId, approvalInbox.orderId],
      set: { state: sql.raw('excluded.state') },
    });
}

/** Emails every authorizer of these (newly pending) steps the order and the requester's budget as they may see them. */
export async function emailAuthorizers(
  tx: Executor,
  order: Order,
  steps: readonly ApprovalStepRow[],
  now: Date,
  reason?: 'overdue',
): Promise<void> {
  const ids = [...new Set(steps.flatMap((step) => step.authorizers.map((person) => person.membershipId)))];
  const budget = ids.length > 0 ? await orderBudgetFacts(tx, order, now) : null;
  for (const person of await orderEmailSummaries(tx, order, ids)) {
    const step = steps.find((candidate) =>
      candidate.authorizers.some((entry) => entry.membershipId === person.membershipId),
    );
    const entry = step?.authorizers.find((candidate) => candidate.membershipId === person.membershipId);
    await enqueueEmail(tx, {
      kind: 'approval-requested',
      to: person.to,
      now,
      props: {
        name: person.name,
        requesterName: person.summary.requesterName,
        orderNumber: order.number,
        approvalUrl: appUrl(`/authorizations/${order.number}`),
        stepLabel: step?.label ?? 'Approval',
        ...(person.summary.totals ? { total: person.summary.totals.total } : {}),
        ...(entry?.onBehalfOf ? { onBehalfOf: entry.onBehalfOf.name } : {}),
        ...(reason
          ? { reason }
          : step?.escalated === 'self' || step?.escalated === 'none'
            ? { reason: step.escalated }
            : {}),
        summary: person.summary,
        // Amounts only for a recipient who may see prices, as the summary decides; the month is
        // named, since the email may be read after the month has turned.
        ...(budget
          ? {
              budget: describeBudget(
                { ...budget, month: monthNameWords(order.submittedAt) },
                { prices: person.maySeePrices },
              ),
            }
          : {}),
      },
    });
  }
}
