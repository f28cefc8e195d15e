import { describe, expect, it } from 'vitest';
import {
  approverIds,
  conditionValueText,
  normalizeRule,
  parseConditionValue,
  parseCount,
  removedAuthorizers,
  type RuleDraft,
} from './rule-input';

const draft = (overrides: Partial<RuleDraft> = {}): RuleDraft => ({
  name: '  Large   orders ',
  active: true,
  tier: 1,
  conditions: [{ field: 'order_total', comparator: '>', value: '10,000.00' }],
  appliesTo: { kind: 'everyone', roleIds: ['r1'], unitIds: [] },
  approvers: { kind: 'role', roleId: 'role-1', membershipIds: ['m1'] },
  ...overrides,
});

describe('condition values as typed', () => {
  it('reads amounts as money in the currency and counts as whole numbers', () => {
    expect(parseConditionValue('order_total', '10,000.50', 'USD')).toBe(1_000_050);
    expect(parseConditionValue('shipping_cost', '1500', 'JPY')).toBe(1_500);
    expect(parseConditionValue('item_quantity', '1,200', 'USD')).toBe(1_200);
    expect(parseConditionValue('distinct_skus', '2.5', 'USD')).toBeNull();
    expect(parseConditionValue('order_total', '10.001', 'USD')).toBeNull();
    expect(parseCount('1000001')).toBeNull();
    expect(parseCount('-3')).toBeNull();
  });

  it('shows stored values back as the editor typed them', () => {
    expect(conditionValueText({ field: 'order_total', comparator: '>', value: 1_000_000 }, 'USD')).toBe('10,000.00');
    expect(conditionValueText({ field: 'item_quantity', comparator: '>=', value: 50 }, 'USD')).toBe('50');
  });
});

describe('normalizing a rule', () => {
  it('keeps only what the chosen kinds need, in the policy types', () => {
    const check = normalizeRule(draft(), 'USD');
    expect(check).toEqual({
      ok: true,
      rule: {
        name: 'Large orders',
        active: true,
        tier: 1,
        conditions: [{ field: 'order_total', comparator: '>', value: 1_000_000 }],
        appliesTo: { kind: 'everyone' },
        approvers: { kind: 'role', roleId: 'role-1' },
      },
    });
    const units = normalizeRule(
      draft({
        appliesTo: { kind: 'units', roleIds: [], unitIds: ['u1', 'u1', 'u2'] },
        approvers: { kind: 'members', membershipIds: ['m1', 'm2'] },
      }),
      'USD',
    );
    expect(units.ok && units.rule.appliesTo).toEqual({ kind: 'units', unitIds: ['u1', 'u2'] });
    expect(units.ok && units.rule.approvers).toEqual({ kind: 'members', membershipIds: ['m1', 'm2'] });
  });

  it('puts each problem beside its field', () => {
    const check = normalizeRule(
      draft({
        name: ' ',
        tier: 10,
        conditions: [
          { field: 'order_total', comparator: '>', value: 'ten' },
          { field: 'item_quantity', comparator: '<', value: '3.5' },
        ],
        appliesTo: { kind: 'roles', roleIds: [], unitIds: [] },
        approvers: { kind: 'members', membershipIds: [] },
      }),
      'EUR',
    );
    expect(check.ok).toBe(false);
    expect(!check.ok && check.fieldErrors).toEqual({
      name: ['Enter a name.'],
      tier: ['Choose a tier from 1 to 9.'],
      'conditions.0.value': ['Enter an amount in EUR, like 1,000.00.'],
      'conditions.1.value': ['Enter a whole number from 0 to 1,000,000.'],
      appliesTo: ['Choose at least one role.'],
      approvers: ['Choose at least one person who approves.'],
    });
  });

  it('limits the number of conditions', () => {
    const six = Array.from({ length: 6 }, () => ({
      field: 'item_quantity' as const,
      comparator: '>' as const,
      value: '1',
    }));
    const check = normalizeRule(draft({ conditions: six }), 'USD');
    expect(!check.ok && check.fieldErrors.conditions).toEqual(['Use at most 5 conditions.']);
    expect(!normalizeRule(draft({ conditions: [] }), 'USD').ok).toBe(true);
  });
});

describe('approvers that change', () => {
  it('finds who is taken off', () => {
    expect(removedAuthorizers(['a', 'b', 'c'], ['b', 'd'])).toEqual(['a', 'c']);
    expect(approverIds({ kind: 'role', roleId: 'r' }, new Map([['r', ['a', 'b']]]))).toEqual(['a', 'b']);
    expect(approverIds({ kind: 'members', membershipIds: ['c'] }, new Map())).toEqual(['c']);
  });
});
