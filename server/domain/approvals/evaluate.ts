/**
 * The approval policy: which approval steps an order needs, in order, and who may decide each.
 * One pure function of (order, requester, spending limits, rules, people, now); the checkout
 * preview, the rule editor's "try it" box and the submit all call it, so they always agree.
 *
 * Order of steps: the requester's spending-limit entries first, lowest limit first (Sana: the
 * sub-account's budget is checked before anything else), then the organization's approval rules
 * by tier. Steps of the same tier are decided in parallel; a tier starts when the one before it
 * is fully approved.
 */

export const COMPARATORS = ['>', '>=', '<', '<='] as const;
export type Comparator = (typeof COMPARATORS)[number];

export const CONDITION_FIELDS = ['order_total', 'item_quantity', 'distinct_skus', 'shipping_cost'] as const;
export type ConditionField = (typeof CONDITION_FIELDS)[number];

/** Amount fields are in minor units of the organization's currency. */
export type Condition = { field: ConditionField; comparator: Comparator; value: number };

export type RuleAudience =
  { kind: 'everyone' } | { kind: 'roles'; roleIds: readonly string[] } | { kind: 'units'; unitIds: readonly string[] };
export type RuleApprovers = { kind: 'role'; roleId: string } | { kind: 'members'; membershipIds: readonly string[] };

export type ApprovalRule = {
  id: string;
  name: string;
  active: boolean;
  /** Joined by AND; a rule without conditions applies to every order of its audience. */
  conditions: readonly Condition[];
  appliesTo: RuleAudience;
  approvers: RuleApprovers;
  tier: number;
};

export const LIMIT_PERIODS = ['order', 'month'] as const;
export type LimitPeriod = (typeof LIMIT_PERIODS)[number];

/** One entry of a sub-account's spending limits: above `limitMinor`, one of the authorizers approves. */
export type SpendingLimit = {
  id: string;
  limitMinor: number;
  period: LimitPeriod;
  authorizerMembershipIds: readonly string[];
};

/** A member of the organization as the policy sees them. */
export type PolicyMember = {
  membershipId: string;
  name: string;
  /** Activated membership of an active user in an active organization. */
  active: boolean;
  mayAuthorize: boolean;
  isAccountManager: boolean;
  roleIds: readonly string[];
  /** Out of office: steps arriving in [from, to) are also offered to the delegate. */
  delegation?: { delegateMembershipId: string; from: Date; to: Date } | null;
};

export type ApprovalOrder = { totalMinor: number; itemCount: number; skuCount: number; shippingMinor: number };

export type ApprovalRequester = {
  membershipId: string;
  /** The requester's unit and every unit above it, up to the organization. */
  unitPath: readonly string[];
  roleIds: readonly string[];
  hasLimitedBudget: boolean;
  /** This calendar month's orders of the requester that count against a monthly limit (not canceled or declined). */
  monthToDateMinor: number;
};

export type Authorizer = { membershipId: string; name: string; onBehalfOf?: { membershipId: string; name: string } };

export type StepSource =
  | { kind: 'limit'; limitId: string; limitMinor: number; period: LimitPeriod }
  | { kind: 'rule'; ruleId: string; ruleName: string };

export type ApprovalStep = {
  tier: number;
  source: StepSource;
  authorizers: Authorizer[];
  /**
   * Why the account managers decide it instead: 'self' when the requester was its only eligible
   * authorizer, 'none' when nobody named is an active member who may authorize orders.
   */
  escalated: 'self' | 'none' | null;
};

export type ApprovalInput = {
  order: ApprovalOrder;
  requester: ApprovalRequester;
  limits: readonly SpendingLimit[];
  rules: readonly ApprovalRule[];
  members: readonly PolicyMember[];
  now: Date;
};

const COMPARE: Record<Comparator, (actual: number, value: number) => boolean> = {
  '>': (a, v) => a > v,
  '>=': (a, v) => a >= v,
  '<': (a, v) => a < v,
  '<=': (a, v) => a <= v,
};

function fieldValue(order: ApprovalOrder, field: ConditionField): number {
  switch (field) {
    case 'order_total':
      return order.totalMinor;
    case 'item_quantity':
      return order.itemCount;
    case 'distinct_skus':
      return order.skuCount;
    case 'shipping_cost':
      return order.shippingMinor;
  }
}

export function conditionHolds(order: ApprovalOrder, condition: Condition): boolean {
  return COMPARE[condition.comparator](fieldValue(order, condition.field), condition.value);
}

function ruleReaches(rule: ApprovalRule, requester: ApprovalRequester): boolean {
  switch (rule.appliesTo.kind) {
    case 'everyone':
      return true;
    case 'roles':
      return rule.appliesTo.roleIds.some((roleId) => requester.roleIds.includes(roleId));
    case 'units':
      return rule.appliesTo.unitIds.some((unitId) => requester.unitPath.includes(unitId));
  }
}

/** Whether a spending-limit entry is exceeded: strictly above the limit, the month's orders counted for a monthly one. */
export function limitExceeded(limit: SpendingLimit, order: ApprovalOrder, requester: ApprovalRequester): boolean {
  const spent = limit.period === 'month' ? requester.monthToDateMinor + order.totalMinor : order.totalMinor;
  return spent > limit.limitMinor;
}

const byName = (a: Authorizer, b: Authorizer) =>
  a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || a.membershipId.localeCompare(b.membershipId);

/**
 * The people who may decide a step named for `named`: active members who may authorize orders,
 * never the requester; each absent authorizer's delegate joins "on behalf of" them. When nobody is
 * left, the account managers decide, and the step says why.
 */
function eligibleFor(
  named: readonly string[],
  input: ApprovalInput,
): { authorizers: Authorizer[]; escalated: ApprovalStep['escalated'] } {
  const byId = new Map(input.members.map((member) => [member.membershipId, member]));
  const canDecide = (member: PolicyMember | undefined): member is PolicyMember =>
    Boolean(member && member.active && member.mayAuthorize && member.membershipId !== input.requester.membershipId);
  const chosen = new Map<string, Authorizer>();
  for (const id of named) {
    const member = byId.get(id);
    if (!canDecide(member)) continue;
    chosen.set(member.membershipId, { membershipId: member.membershipId, name: member.name });
    const away = member.delegation;
    const delegate =
      away && away.from <= input.now && input.now < away.to ? byId.get(away.delegateMembershipId) : undefined;
    if (canDecide(delegate) && !chosen.has(delegate.membershipId)) {
      chosen.set(delegate.membershipId, {
        membershipId: delegate.membershipId,
        name: delegate.name,
        onBehalfOf: { membershipId: member.membershipId, name: member.name },
      });
    }
  }
  if (chosen.size > 0) return { authorizers: [...chosen.values()].sort(byName), escalated: null };

  const onlySelf =
    named.includes(input.requester.membershipId) &&
    named.every((id) => id === input.requester.membershipId || !canDecide(byId.get(id)));
  const managers = input.members
    .filter((member) => member.isAccountManager && canDecide(member))
    .map((member) => ({ membershipId: member.membershipId, name: member.name }));
  return { authorizers: managers.sort(byName), escalated: onlySelf ? 'self' : 'none' };
}

function namedApprovers(approvers: RuleApprovers, members: readonly PolicyMember[]): readonly string[] {
  if (approvers.kind === 'members') return approvers.membershipIds;
  return members.filter((member) => member.roleIds.includes(approvers.roleId)).map((member) => member.membershipId);
}

export function evaluateApproval(input: ApprovalInput): ApprovalStep[] {
  const { order, requester } = input;
  const steps: ApprovalStep[] = [];

  if (requester.hasLimitedBudget) {
    const exceeded = input.limits
      .filter((limit) => limitExceeded(limit, order, requester))
      .sort((a, b) => a.limitMinor - b.limitMinor || a.id.localeCompare(b.id));
    exceeded.forEach((limit, index) => {
      steps.push({
        tier: index + 1,
        source: { kind: 'limit', limitId: limit.id, limitMinor: limit.limitMinor, period: limit.period },
        ...eligibleFor(limit.authorizerMembershipIds, input),
      });
    });
  }

  const afterLimits = steps.length;
  const applying = input.rules
    .filter(
      (rule) =>
        rule.active &&
        ruleReaches(rule, requester) &&
        rule.conditions.every((condition) => conditionHolds(order, condition)),
    )
    .sort((a, b) => a.tier - b.tier || a.name.localeCompare(b.name));
  const tiers = [...new Set(applying.map((rule) => rule.tier))];
  for (const rule of applying) {
    const named = namedApprovers(rule.approvers, input.members);
    steps.push({
      tier: afterLimits + tiers.indexOf(rule.tier) + 1,
      source: { kind: 'rule', ruleId: rule.id, ruleName: rule.name },
      ...eligibleFor(named, input),
    });
  }
  return steps;
}

/** A step nobody can decide (no eligible authorizer and no account manager): the order cannot be submitted as it is. */
export function undecidableSteps(steps: readonly ApprovalStep[]): ApprovalStep[] {
  return steps.filter((step) => step.authorizers.length === 0);
}

/** A step's life: waiting for an earlier tier, pending a decision, approved, declined, or void when the order was canceled. */
export const APPROVAL_STEP_STATUSES = ['waiting', 'pending', 'approved', 'declined', 'void'] as const;
export type ApprovalStepStatus = (typeof APPROVAL_STEP_STATUSES)[number];

/** An order in an authorizer's inbox: waiting for them now, waiting for an earlier tier, approved or declined. */
export const INBOX_STATES = ['pending', 'waiting', 'approved', 'declined'] as const;
export type InboxState = (typeof INBOX_STATES)[number];
