import type { Executor } from '@/db/client';
import { evaluateApproval, type ApprovalOrder, type ApprovalRule, type ApprovalStep, type SpendingLimit } from '@/server/domain/approvals/evaluate';
import { formatMinor } from '@/server/domain/money';

/** Who asks for approval: the membership placing the order. */
export type PolicyRequester = { membershipId: string; organizationId: string; unitId: string };

/**
 * The approval steps an order of this requester needs now. Spending limits and approval rules are
 * loaded from the organization (none exist yet until the approvals feature stores them; with none,
 * nothing else is loaded and no order needs approval).
 */
export async function approvalSteps(db: Executor, requester: PolicyRequester, order: ApprovalOrder, now: Date): Promise<ApprovalStep[]> {
  void db;
  const limits: SpendingLimit[] = [];
  const rules: ApprovalRule[] = [];
  if (limits.length === 0 && rules.length === 0) return [];
  return evaluateApproval({
    order,
    requester: { membershipId: requester.membershipId, unitPath: [requester.unitId], roleIds: [], hasLimitedBudget: false, monthToDateMinor: 0 },
    limits,
    rules,
    members: [],
    now,
  });
}

/** A step as the checkout and the order page name it: "Spending limit over 1,000.00 USD per order" or the rule's name. */
export function stepLabel(step: ApprovalStep, currency: string): string {
  if (step.source.kind === 'rule') return step.source.ruleName;
  const period = step.source.period === 'month' ? 'this month' : 'per order';
  return `Spending limit over ${formatMinor(step.source.limitMinor, currency)} ${currency} ${period}`;
}
