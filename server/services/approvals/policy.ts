import type { Executor } from '@/db/client';
import {
  activeRulesOf,
  limitsOf,
  monthToDateMinor,
  policyMembers,
  roleIdsOf,
  unitPathOf,
} from '@/db/queries/approvals';
import type { Actor, MembershipFlags } from '@/server/domain/access/actor';
import {
  evaluateApproval,
  type ApprovalInput,
  type ApprovalOrder,
  type ApprovalStep,
} from '@/server/domain/approvals/evaluate';
import { formatMoney } from '@/server/domain/money';

/**
 * Who asks for approval: the membership placing the order — the caller at checkout, or the member
 * the administrator's "try it" box asks about.
 */
export type PolicyRequester = Pick<Actor, 'membershipId' | 'organizationId' | 'unitId'> & {
  flags: Pick<MembershipFlags, 'hasLimitedBudget'>;
};

/**
 * Everything the approval policy needs about this requester and organization. Members (the
 * largest part) are loaded only when some limit or rule could apply at all.
 */
export async function policyContext(
  db: Executor,
  requester: PolicyRequester,
  now: Date,
): Promise<Omit<ApprovalInput, 'order'> | null> {
  const [limits, rules] = await Promise.all([
    requester.flags.hasLimitedBudget ? limitsOf(db, requester.membershipId) : [],
    activeRulesOf(db, requester.organizationId),
  ]);
  if (limits.length === 0 && rules.length === 0) return null;
  const [unitPath, roleIds, monthToDate, members] = await Promise.all([
    unitPathOf(db, requester.unitId),
    roleIdsOf(db, requester.membershipId),
    limits.some((limit) => limit.period === 'month') ? monthToDateMinor(db, requester.membershipId, now) : 0,
    policyMembers(db, requester.organizationId),
  ]);
  return {
    requester: {
      membershipId: requester.membershipId,
      unitPath,
      roleIds,
      hasLimitedBudget: requester.flags.hasLimitedBudget,
      monthToDateMinor: monthToDate,
    },
    limits,
    rules,
    members,
    now,
  };
}

/** The approval steps an order of this requester needs now. */
export async function approvalSteps(
  db: Executor,
  requester: PolicyRequester,
  order: ApprovalOrder,
  now: Date,
): Promise<ApprovalStep[]> {
  const context = await policyContext(db, requester, now);
  return context ? evaluateApproval({ ...context, order }) : [];
}

/** A step as the checkout and the order page name it: "Spending limit over $1,000.00 per order" or the rule's name. */
export function stepLabel(step: ApprovalStep, currency: string): string {
  if (step.source.kind === 'rule') return step.source.ruleName;
  const period = step.source.period === 'month' ? 'this month' : 'per order';
  return `Spending limit over ${formatMoney(step.source.limitMinor, currency)} ${period}`;
}
