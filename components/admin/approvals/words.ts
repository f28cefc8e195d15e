import { formatMoney } from '@/components/catalog/money';
import type { Comparator, Condition, ConditionField, LimitPeriod } from '@/server/domain/approvals/evaluate';
import { isAmountField } from '@/server/domain/approvals/rule-input';

/** Limits, rules and the policy's answer in the words an administrator reads them. */

export const FIELD_LABELS: Record<ConditionField, string> = {
  order_total: 'Order total',
  item_quantity: 'Item quantity',
  distinct_skus: 'Distinct SKUs',
  shipping_cost: 'Shipping cost',
};

export const COMPARATOR_LABELS: Record<Comparator, string> = {
  '>': 'over',
  '>=': 'at least',
  '<': 'under',
  '<=': 'at most',
};

export const PERIOD_LABELS: Record<LimitPeriod, string> = { order: 'Per order', month: 'Per calendar month' };

/** "Ann", "Ann or Ben", "Ann, Ben or Cat". */
export function either(names: readonly string[], word = 'or'): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} ${word} ${names.at(-1)}`;
}

export function conditionValueInWords(condition: Condition, currency: string): string {
  return isAmountField(condition.field)
    ? formatMoney(condition.value, currency)
    : condition.value.toLocaleString('en-US');
}

/** "Order total over $10,000.00 and item quantity at least 50". */
export function conditionsInWords(conditions: readonly Condition[], currency: string): string {
  if (conditions.length === 0) return 'Every order';
  const parts = conditions.map(
    (condition) =>
      `${FIELD_LABELS[condition.field].toLowerCase()} ${COMPARATOR_LABELS[condition.comparator]} ${conditionValueInWords(condition, currency)}`,
  );
  const sentence = parts.join(' and ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

export type AudienceNames = { kind: 'everyone' | 'roles' | 'units'; names: readonly string[] };

export function audienceInWords(audience: AudienceNames): string {
  if (audience.kind === 'everyone') return 'Everyone';
  if (audience.kind === 'roles') return `Holders of ${either(audience.names)}`;
  return `Members of ${either(audience.names)} and the units below`;
}

export type ApproverNames = { kind: 'role' | 'members'; roleName: string | null; names: readonly string[] };

export function approversInWords(approvers: ApproverNames): string {
  if (approvers.kind === 'members') return either(approvers.names) || 'Nobody';
  const who =
    approvers.names.length > 0
      ? ` (${either(approvers.names)})`
      : ' (nobody holds it who may authorize orders: the account managers decide)';
  return `${approvers.roleName ?? 'A role'}${who}`;
}

type LimitEntry = { limitMinor: number; period: LimitPeriod; authorizers: readonly { name: string }[] };

/**
 * The tiers of a sub-account's spending limits in one sentence:
 * "Orders over $1,000.00 need Ann or Ben; over $5,000.00 then also Cat."
 */
export function limitTiersInWords(entries: readonly LimitEntry[], currency: string): string {
  if (entries.length === 0) return 'No spending limits yet: their orders need no approval for their budget.';
  const sorted = [...entries].sort((a, b) => a.limitMinor - b.limitMinor);
  const parts = sorted.map((entry, index) => {
    const over = `over ${formatMoney(entry.limitMinor, currency)}${entry.period === 'month' ? ' in a calendar month' : ''}`;
    const who = either(entry.authorizers.map((person) => person.name)) || 'nobody';
    return index === 0 ? `Orders ${over} need ${who}` : `${over} then also ${who}`;
  });
  return `${parts.join('; ')}.`;
}

export type TryItStep = {
  tier: number;
  label: string;
  escalated: 'self' | 'none' | null;
  authorizers: readonly { name: string; onBehalfOf: string | null }[];
};

function stepInWords(step: TryItStep): string {
  if (step.authorizers.length === 0) return `${step.label} — nobody can approve it`;
  const names = either(
    step.authorizers.map((person) => (person.onBehalfOf ? `${person.name} (for ${person.onBehalfOf})` : person.name)),
  );
  const why =
    step.escalated === 'self'
      ? ' (account managers: the requester cannot approve their own order)'
      : step.escalated === 'none'
        ? ' (account managers: nobody named may authorize orders)'
        : '';
  return `${step.label} — ${names}${why}`;
}

/** "Needs approval from Purchasing — Alice or Bob, then Finance — Carol." or "No approval needed…". */
export function approvalInWords(steps: readonly TryItStep[]): string {
  if (steps.length === 0) return 'No approval needed: the order goes straight on to payment and shipping.';
  const tiers = [...new Set(steps.map((step) => step.tier))].sort((a, b) => a - b);
  const parts = tiers.map((tier) =>
    steps
      .filter((step) => step.tier === tier)
      .map(stepInWords)
      .join(' and '),
  );
  return `Needs approval from ${parts.join(', then ')}.`;
}
