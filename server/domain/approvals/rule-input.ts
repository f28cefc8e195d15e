import { formatMinor, parseAmountToMinor } from '../money';
import type { Condition, ConditionField, RuleApprovers, RuleAudience } from './evaluate';

/**
 * What an administrator types into the spending-limit and approval-rule editors, checked and
 * turned into the policy's own types. Amounts are typed as money in the organization's currency;
 * counts as whole numbers. Pure: the services check afterwards that the roles, units and members
 * named belong to the organization.
 */

export const MAX_CONDITIONS = 5;
export const MAX_TIER = 9;
/** No order has more items than this; a larger count in a condition is a typing mistake. */
export const MAX_COUNT = 1_000_000;
export const MAX_AUDIENCE = 50;
export const MAX_NAMED_APPROVERS = 20;

const AMOUNT_FIELDS: readonly ConditionField[] = ['order_total', 'shipping_cost'];

export function isAmountField(field: ConditionField): boolean {
  return AMOUNT_FIELDS.includes(field);
}

/** "1,250" → 1250; null unless a whole number from 0 to MAX_COUNT (thousands separators allowed). */
export function parseCount(text: string): number | null {
  const cleaned = text.trim().replace(/[,\s](?=\d{3}(?:\D|$))/g, '');
  if (!/^\d{1,7}$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return value <= MAX_COUNT ? value : null;
}

/** The stored value of a condition as typed: minor units for amounts, a count otherwise. */
export function parseConditionValue(field: ConditionField, text: string, currency: string): number | null {
  return isAmountField(field) ? parseAmountToMinor(text, currency) : parseCount(text);
}

/** A stored condition's value as the editor shows it again ("10,000.00" or "50"). */
export function conditionValueText(condition: Condition, currency: string): string {
  return isAmountField(condition.field) ? formatMinor(condition.value, currency) : String(condition.value);
}

export function amountProblem(currency: string): string {
  return `Enter an amount in ${currency}, like 1,000.00.`;
}

export const COUNT_PROBLEM = `Enter a whole number from 0 to ${MAX_COUNT.toLocaleString('en-US')}.`;

/** The editor's shape: values as typed, audience and approvers with every list present. */
export type RuleDraft = {
  name: string;
  active: boolean;
  tier: number;
  conditions: readonly { field: ConditionField; comparator: Condition['comparator']; value: string }[];
  appliesTo: { kind: RuleAudience['kind']; roleIds: readonly string[]; unitIds: readonly string[] };
  approvers: { kind: RuleApprovers['kind']; roleId?: string; membershipIds: readonly string[] };
};

export type NormalizedRule = {
  name: string;
  active: boolean;
  tier: number;
  conditions: Condition[];
  appliesTo: RuleAudience;
  approvers: RuleApprovers;
};

export type RuleCheck = { ok: true; rule: NormalizedRule } | { ok: false; fieldErrors: Record<string, string[]> };

const unique = (ids: readonly string[]) => [...new Set(ids)];

/** Checks a draft rule and turns it into what the policy stores; field errors are keyed by the form's paths. */
export function normalizeRule(draft: RuleDraft, currency: string): RuleCheck {
  const errors: Record<string, string[]> = {};
  const fail = (path: string, message: string) => (errors[path] ??= []).push(message);

  const name = draft.name.trim().replace(/\s+/g, ' ');
  if (!name) fail('name', 'Enter a name.');
  else if (name.length > 100) fail('name', 'Use at most 100 characters.');
  if (!Number.isInteger(draft.tier) || draft.tier < 1 || draft.tier > MAX_TIER)
    fail('tier', `Choose a tier from 1 to ${MAX_TIER}.`);

  if (draft.conditions.length === 0) fail('conditions', 'Add at least one condition.');
  if (draft.conditions.length > MAX_CONDITIONS) fail('conditions', `Use at most ${MAX_CONDITIONS} conditions.`);
  const conditions: Condition[] = [];
  draft.conditions.forEach((condition, index) => {
    const value = parseConditionValue(condition.field, condition.value, currency);
    if (value === null)
      fail(`conditions.${index}.value`, isAmountField(condition.field) ? amountProblem(currency) : COUNT_PROBLEM);
    else conditions.push({ field: condition.field, comparator: condition.comparator, value });
  });

  let appliesTo: RuleAudience = { kind: 'everyone' };
  if (draft.appliesTo.kind === 'roles') {
    const roleIds = unique(draft.appliesTo.roleIds);
    if (roleIds.length === 0) fail('appliesTo', 'Choose at least one role.');
    else if (roleIds.length > MAX_AUDIENCE) fail('appliesTo', `Choose at most ${MAX_AUDIENCE} roles.`);
    appliesTo = { kind: 'roles', roleIds };
  } else if (draft.appliesTo.kind === 'units') {
    const unitIds = unique(draft.appliesTo.unitIds);
    if (unitIds.length === 0) fail('appliesTo', 'Choose at least one unit.');
    else if (unitIds.length > MAX_AUDIENCE) fail('appliesTo', `Choose at most ${MAX_AUDIENCE} units.`);
    appliesTo = { kind: 'units', unitIds };
  }

  let approvers: RuleApprovers;
  if (draft.approvers.kind === 'role') {
    if (!draft.approvers.roleId) fail('approvers', 'Choose the role whose holders approve.');
    approvers = { kind: 'role', roleId: draft.approvers.roleId ?? '' };
  } else {
    const membershipIds = unique(draft.approvers.membershipIds);
    if (membershipIds.length === 0) fail('approvers', 'Choose at least one person who approves.');
    else if (membershipIds.length > MAX_NAMED_APPROVERS)
      fail('approvers', `Choose at most ${MAX_NAMED_APPROVERS} people.`);
    approvers = { kind: 'members', membershipIds };
  }

  if (Object.keys(errors).length > 0) return { ok: false, fieldErrors: errors };
  return { ok: true, rule: { name, active: draft.active, tier: draft.tier, conditions, appliesTo, approvers } };
}

/** The people a rule names as approvers: the role's holders or the named members. */
export function approverIds(approvers: RuleApprovers, roleHolders: ReadonlyMap<string, readonly string[]>): string[] {
  return approvers.kind === 'members' ? [...approvers.membershipIds] : [...(roleHolders.get(approvers.roleId) ?? [])];
}

/** Who loses a part in deciding when a list of authorizers changes from `before` to `after`. */
export function removedAuthorizers(before: readonly string[], after: readonly string[]): string[] {
  return unique(before.filter((id) => !after.includes(id)));
}
