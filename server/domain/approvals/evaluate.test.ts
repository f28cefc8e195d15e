import { describe, expect, it } from 'vitest';
import {
  evaluateApproval,
  undecidableSteps,
  type ApprovalInput,
  type ApprovalRule,
  type PolicyMember,
  type SpendingLimit,
} from './evaluate';

const NOW = new Date('2026-11-23T10:00:00Z');
const member = (id: string, extra: Partial<PolicyMember> = {}): PolicyMember => ({
  membershipId: id,
  name: id,
  active: true,
  mayAuthorize: true,
  isAccountManager: false,
  roleIds: [],
  ...extra,
});

const people = [
  member('requester', { mayAuthorize: false, roleIds: ['buyer'] }),
  member('A'),
  member('B'),
  member('C'),
  member('manager', { isAccountManager: true }),
  member('purchasing', { roleIds: ['purchasing-manager'] }),
  member('finance', { roleIds: ['finance-manager'] }),
];

const order = (totalMinor: number, extra: Partial<ApprovalInput['order']> = {}) => ({
  totalMinor,
  itemCount: 1,
  skuCount: 1,
  shippingMinor: 0,
  ...extra,
});
const requester = {
  membershipId: 'requester',
  unitPath: ['plant', 'purchasing-unit', 'org'],
  roleIds: ['buyer'],
  hasLimitedBudget: true,
  monthToDateMinor: 0,
};

function evaluate(input: Partial<ApprovalInput> & { order: ApprovalInput['order'] }) {
  return evaluateApproval({ requester, limits: [], rules: [], members: people, now: NOW, ...input });
}
/** The steps as "tier: authorizers", the way a person reads them. */
const shape = (input: Partial<ApprovalInput> & { order: ApprovalInput['order'] }) =>
  evaluate(input).map((step) => `${step.tier}: ${step.authorizers.map((a) => a.name).join(' or ')}`);

const limits: SpendingLimit[] = [
  { id: 'l1', limitMinor: 100_000, period: 'order', authorizerMembershipIds: ['A', 'B'] },
  { id: 'l5', limitMinor: 500_000, period: 'order', authorizerMembershipIds: ['C'] },
];

describe('spending limits', () => {
  it.each([
    [99_999, []],
    [100_000, []],
    [100_001, ['1: A or B']],
    [300_000, ['1: A or B']],
    [500_000, ['1: A or B']],
    [500_001, ['1: A or B', '2: C']],
    [600_000, ['1: A or B', '2: C']],
  ])('an order of %i needs %j', (total, expected) => {
    expect(shape({ order: order(total), limits })).toEqual(expected);
  });

  it('applies only to members with a limited budget', () => {
    expect(shape({ order: order(600_000), limits, requester: { ...requester, hasLimitedBudget: false } })).toEqual([]);
  });

  it('counts the month so far for a monthly limit, at, under and over', () => {
    const monthly: SpendingLimit[] = [
      { id: 'm', limitMinor: 100_000, period: 'month', authorizerMembershipIds: ['A'] },
    ];
    const spent = (monthToDateMinor: number, total: number) =>
      shape({ order: order(total), limits: monthly, requester: { ...requester, monthToDateMinor } });
    expect(spent(60_000, 39_999)).toEqual([]);
    expect(spent(60_000, 40_000)).toEqual([]);
    expect(spent(60_000, 40_001)).toEqual(['1: A']);
    expect(spent(0, 40_001)).toEqual([]);
  });
});

describe('approval rules', () => {
  const rule = (id: string, extra: Partial<ApprovalRule>): ApprovalRule => ({
    id,
    name: id,
    active: true,
    conditions: [],
    appliesTo: { kind: 'everyone' },
    approvers: { kind: 'members', membershipIds: ['A'] },
    tier: 1,
    ...extra,
  });
  const purchasing = rule('Purchasing', {
    conditions: [{ field: 'order_total', comparator: '>', value: 1_000_000 }],
    approvers: { kind: 'role', roleId: 'purchasing-manager' },
    tier: 1,
  });
  const finance = rule('Finance', {
    conditions: [{ field: 'order_total', comparator: '>', value: 1_500_000 }],
    approvers: { kind: 'role', roleId: 'finance-manager' },
    tier: 2,
  });

  it.each([
    [999_999, []],
    [1_000_000, []],
    [1_000_001, ['1: purchasing']],
    [1_500_000, ['1: purchasing']],
    [1_500_001, ['1: purchasing', '2: finance']],
  ])('the 10,000 / 15,000 example: %i needs %j', (total, expected) => {
    expect(
      shape({
        order: order(total),
        rules: [purchasing, finance],
        requester: { ...requester, hasLimitedBudget: false },
      }),
    ).toEqual(expected);
  });

  it('joins conditions with AND, on every field and comparator', () => {
    const both = rule('Big and many', {
      conditions: [
        { field: 'item_quantity', comparator: '>=', value: 10 },
        { field: 'distinct_skus', comparator: '<', value: 3 },
      ],
    });
    expect(shape({ order: order(1, { itemCount: 10, skuCount: 2 }), rules: [both] })).toEqual(['1: A']);
    expect(shape({ order: order(1, { itemCount: 9, skuCount: 2 }), rules: [both] })).toEqual([]);
    expect(shape({ order: order(1, { itemCount: 10, skuCount: 3 }), rules: [both] })).toEqual([]);
    const shipping = rule('Costly shipping', { conditions: [{ field: 'shipping_cost', comparator: '<=', value: 0 }] });
    expect(shape({ order: order(1, { shippingMinor: 0 }), rules: [shipping] })).toEqual(['1: A']);
    expect(shape({ order: order(1, { shippingMinor: 1 }), rules: [shipping] })).toEqual([]);
  });

  it('reaches only its roles, or its units and the units below them', () => {
    const forBuyers = rule('Buyers', { appliesTo: { kind: 'roles', roleIds: ['buyer'] } });
    const forOthers = rule('Others', { appliesTo: { kind: 'roles', roleIds: ['viewer'] } });
    const forPurchasing = rule('Purchasing unit', { appliesTo: { kind: 'units', unitIds: ['purchasing-unit'] } });
    const forFinance = rule('Finance unit', { appliesTo: { kind: 'units', unitIds: ['finance-unit'] } });
    expect(
      evaluate({ order: order(1), rules: [forBuyers, forOthers, forPurchasing, forFinance] }).map(
        (step) => step.source,
      ),
    ).toEqual([
      { kind: 'rule', ruleId: 'Buyers', ruleName: 'Buyers' },
      { kind: 'rule', ruleId: 'Purchasing unit', ruleName: 'Purchasing unit' },
    ]);
  });

  it('ignores inactive rules; rules of one tier are decided together, after the spending limits', () => {
    const off = rule('Off', { active: false });
    const one = rule('One', { tier: 5, approvers: { kind: 'members', membershipIds: ['B'] } });
    const two = rule('Two', { tier: 5, approvers: { kind: 'members', membershipIds: ['C'] } });
    expect(shape({ order: order(200_000), limits, rules: [off, one, two] })).toEqual(['1: A or B', '2: B', '2: C']);
  });
});

describe('who may decide', () => {
  const only = (ids: string[]): SpendingLimit[] => [
    { id: 'x', limitMinor: 0, period: 'order', authorizerMembershipIds: ids },
  ];

  it('lets any one of several authorizers decide, in name order', () => {
    expect(evaluate({ order: order(1), limits: only(['B', 'A']) })[0]?.authorizers.map((a) => a.membershipId)).toEqual([
      'A',
      'B',
    ]);
  });

  it('never lets the requester approve their own order: a step only they could decide goes to the account managers', () => {
    const self = [...people.filter((p) => p.membershipId !== 'requester'), member('requester', { mayAuthorize: true })];
    const [step] = evaluate({ order: order(1), limits: only(['requester']), members: self });
    expect(step).toMatchObject({ escalated: 'self', authorizers: [{ membershipId: 'manager' }] });
    const [shared] = evaluate({ order: order(1), limits: only(['requester', 'A']), members: self });
    expect(shared).toMatchObject({ escalated: null, authorizers: [{ membershipId: 'A' }] });
  });

  it('skips inactive members and those who may not authorize; with nobody left the account managers decide', () => {
    const members = [...people, member('gone', { active: false }), member('no-flag', { mayAuthorize: false })];
    const [step] = evaluate({ order: order(1), limits: only(['gone', 'no-flag']), members });
    expect(step).toMatchObject({ escalated: 'none', authorizers: [{ membershipId: 'manager' }] });
  });

  it('reports a step nobody can decide when there is no account manager either', () => {
    const members = people.filter((p) => !p.isAccountManager);
    const steps = evaluate({ order: order(1), limits: only(['requester']), members });
    expect(undecidableSteps(steps)).toHaveLength(1);
  });

  it('offers a step to an away authorizer’s delegate during the absence, on their behalf', () => {
    const away = {
      delegateMembershipId: 'C',
      from: new Date('2026-11-20T00:00:00Z'),
      to: new Date('2026-11-27T00:00:00Z'),
    };
    const members = people.map((p) => (p.membershipId === 'A' ? { ...p, delegation: away } : p));
    expect(evaluate({ order: order(1), limits: only(['A']), members })[0]?.authorizers).toEqual([
      { membershipId: 'A', name: 'A' },
      { membershipId: 'C', name: 'C', onBehalfOf: { membershipId: 'A', name: 'A' } },
    ]);
    const later = evaluate({ order: order(1), limits: only(['A']), members, now: new Date('2026-11-27T00:00:00Z') });
    expect(later[0]?.authorizers).toEqual([{ membershipId: 'A', name: 'A' }]);
  });
});
