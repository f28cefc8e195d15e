import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { approvalSteps, membershipRoles, roles, spendingLimits, type Order, type Organization } from '@/db/schema';
import type { OrderStatus } from '@/server/domain/orders/state-machine';
import { setupTestDatabase } from '@/server/testing/database';
import { insertOrder } from '@/server/testing/insight-orders';
import { trpcErrorOf } from '@/server/testing/errors';
import {
  ACCOUNT_MANAGER,
  createCaller,
  createMember,
  createOrganization,
  signIn,
  type Member,
} from '@/server/testing/factories';

/**
 * The buyer insights on small exact data: an organization in Los Angeles time with a plant (and a
 * line below it) and an office, three requesters, and orders placed so that each figure — and
 * each boundary (a month in LA that is another in UTC, a canceled order, a per-order limit) — is
 * known in advance.
 */
const database = setupTestDatabase();
const NOW = new Date('2026-03-15T12:00:00Z');

let org: Organization;
let plant: Organization;
let line: Organization;
let office: Organization;
let admin: Member;
let plantReader: Member;
let buyerOnly: Member;
let otherAdmin: Member;
let r1: Member;
let r2: Member;
let r3: Member;

const order = (member: Member, unit: Organization, status: OrderStatus, totalMinor: number, submittedAt: string) =>
  insertOrder(database.db, member, unit, { status, totalMinor, submittedAt });

async function step(
  target: Order,
  values: {
    status: 'pending' | 'approved' | 'declined';
    pendingSince: string;
    decidedAt?: string;
    decidedBy?: Member;
    rule?: string;
    feedback?: string;
  },
) {
  await database.db.insert(approvalSteps).values({
    orderId: target.id,
    organizationId: target.organizationId,
    tier: 1,
    source: values.rule
      ? { kind: 'rule', ruleId: `rule-${values.rule}`, ruleName: values.rule }
      : { kind: 'limit', limitId: randomUUID(), limitMinor: 1_000, period: 'order' },
    label: values.rule ?? 'Spending limit',
    status: values.status,
    pendingSince: new Date(values.pendingSince),
    decidedAt: values.decidedAt ? new Date(values.decidedAt) : null,
    decidedByMembershipId: values.decidedBy?.membership.id ?? null,
    decidedByUserId: values.decidedBy?.user.id ?? null,
    feedback: values.feedback ?? null,
  });
}

async function limit(member: Member, limitMinor: number, period: 'month' | 'order' = 'month') {
  await database.db.insert(spendingLimits).values({
    organizationId: member.organization.id,
    membershipId: member.membership.id,
    limitMinor,
    period,
    createdAt: NOW,
  });
}

const insightsOf = async (member: Member, input: Record<string, unknown> = {}) =>
  createCaller(await signIn(database.db, member.membership, { now: () => NOW })).insights.organization(input);

beforeAll(async () => {
  const db = database.db;
  org = await createOrganization(db, { timeZone: 'America/Los_Angeles' });
  plant = await createOrganization(db, { parent: org, name: 'Plant' });
  line = await createOrganization(db, { parent: plant, name: 'Line' });
  office = await createOrganization(db, { parent: org, name: 'Office' });
  admin = await createMember(db, org, { ...ACCOUNT_MANAGER, user: { name: 'Ada Admin' } });
  buyerOnly = await createMember(db, org, { roles: ['buyer'], mayOrder: true });
  r1 = await createMember(db, org, { unit: plant, roles: ['buyer'], user: { name: 'Rita One' } });
  r2 = await createMember(db, org, { unit: line, roles: ['buyer'], user: { name: 'Raul Two' } });
  r3 = await createMember(db, org, { unit: office, roles: ['buyer'], user: { name: 'Rosa Three' } });
  // Insights over the plant and the units below it, through a custom role.
  const [unitRole] = await db
    .insert(roles)
    .values({ organizationId: org.id, side: 'buyer', name: 'Plant insights', permissions: ['insights.view@unit'] })
    .returning();
  plantReader = await createMember(db, org, { unit: plant, roles: [] });
  if (!unitRole) throw new Error('role');
  await db.insert(membershipRoles).values({ membershipId: plantReader.membership.id, roleId: unitRole.id });

  // Feb 28, 8 PM in Los Angeles: February there, though March 1 in UTC.
  await order(r1, plant, 'shipped', 10_000, '2026-03-01T04:00:00Z');
  await order(r2, line, 'deposited', 5_000, '2026-03-10T12:00:00Z');
  const approved = await order(r3, office, 'released', 7_000, '2026-03-05T12:00:00Z');
  await step(approved, {
    status: 'approved',
    pendingSince: '2026-03-05T12:00:00Z',
    decidedAt: '2026-03-05T13:00:00Z',
    decidedBy: admin,
    rule: 'Big orders',
  });
  await order(r1, plant, 'canceled', 99_999, '2026-03-06T12:00:00Z');
  const waiting = await order(r1, plant, 'pending_approval', 3_000, '2026-03-12T12:00:00Z');
  await step(waiting, { status: 'pending', pendingSince: '2026-03-14T06:00:00Z' }); // 30 hours before NOW
  const declined = await order(r2, line, 'declined', 4_000, '2026-03-11T12:00:00Z');
  await step(declined, {
    status: 'declined',
    pendingSince: '2026-03-11T12:00:00Z',
    decidedAt: '2026-03-11T14:00:00Z',
    decidedBy: admin,
    feedback: 'Too many chairs',
  });
  // An order long ago, outside every chart's range.
  await order(r3, office, 'deposited', 123_456, '2024-01-10T12:00:00Z');

  await limit(r1, 100_000);
  await limit(r1, 500_000); // a higher tier of the same member: adds approvers, not budget
  await limit(r2, 50_000);
  await limit(r3, 1_000, 'order'); // per order: no monthly budget

  const other = await createOrganization(db);
  otherAdmin = await createMember(db, other, { ...ACCOUNT_MANAGER });
  await order(otherAdmin, other, 'shipped', 777_777, '2026-03-10T12:00:00Z');
});

describe('the whole organization, as its administrator', () => {
  it('stacks spend per month (in the organization’s zone) by unit against the summed monthly limits', async () => {
    const insights = await insightsOf(admin);
    expect(insights.timeZone).toBe('America/Los_Angeles');
    expect(insights.filters).toEqual({ from: '2025-04-01', to: '2026-03-15', unitId: null });
    expect(insights.spend.months.at(0)).toBe('2025-04');
    expect(insights.spend.months.at(-1)).toBe('2026-03');
    expect(insights.spend.series.map((s) => [s.label, s.totalMinor])).toEqual([
      ['Plant', 10_000],
      ['Office', 7_000],
      ['Line', 5_000],
    ]);
    expect(insights.spend.values.at(-2)).toEqual({ [plant.id]: 10_000, [office.id]: 0, [line.id]: 0 });
    expect(insights.spend.values.at(-1)).toEqual({ [plant.id]: 0, [office.id]: 7_000, [line.id]: 5_000 });
    expect(insights.spend.monthTotals.slice(-3)).toEqual([0, 10_000, 12_000]);
    expect(insights.spend.monthlyLimitMinor).toBe(150_000);
  });

  it('ranks requesters by spend, and counts orders by approval outcome', async () => {
    const insights = await insightsOf(admin);
    expect(insights.topRequesters.map((r) => [r.name, r.orders, r.amountMinor])).toEqual([
      ['Rita One', 1, 10_000],
      ['Rosa Three', 1, 7_000],
      ['Raul Two', 1, 5_000],
    ]);
    expect(Object.fromEntries(insights.outcomes.map((o) => [o.key, o.count]))).toEqual({
      not_needed: 2,
      approved: 1,
      waiting: 1,
      declined: 1,
      canceled: 1,
    });
  });

  it('groups waiting steps by age and times decisions per authorizer and per rule', async () => {
    const insights = await insightsOf(admin);
    expect(insights.waiting.map((b) => b.count)).toEqual([0, 1, 0, 0]);
    expect(insights.decisions.byAuthorizer).toEqual([
      { key: admin.membership.id, label: 'Ada Admin', count: 2, median: 5_400, p90: 6_840 },
    ]);
    expect(insights.decisions.byRule.map((r) => [r.label, r.median])).toEqual([
      ['Spending limits', 7_200],
      ['Big orders', 3_600],
    ]);
    expect(insights.declines).toEqual([
      expect.objectContaining({ requester: 'Raul Two', decidedBy: 'Ada Admin', feedback: 'Too many chairs' }),
    ]);
  });

  it('narrows to a unit and the units below it', async () => {
    const insights = await insightsOf(admin, { unitId: line.id });
    expect(insights.spend.series.map((s) => [s.label, s.totalMinor])).toEqual([['Line', 5_000]]);
    expect(insights.spend.monthlyLimitMinor).toBe(50_000);
    expect(insights.topRequesters.map((r) => r.name)).toEqual(['Raul Two']);
    expect(insights.waiting.map((b) => b.count)).toEqual([0, 0, 0, 0]);
    expect(insights.declines).toHaveLength(1);
    expect(insights.decisions.byRule.map((r) => r.label)).toEqual(['Spending limits']);
  });

  it('narrows to a date range of days in the organization’s zone', async () => {
    const insights = await insightsOf(admin, { from: '2026-03-06', to: '2026-03-15' });
    // Rosa's order was placed at 4 AM on March 5 in Los Angeles: outside.
    expect(insights.topRequesters.map((r) => r.name)).toEqual(['Raul Two']);
    expect(insights.decisions.byRule.map((r) => r.label)).toEqual(['Spending limits']);
  });
});

describe('reach and refusals', () => {
  it('shows a reader whose grant reaches their unit only that unit and those below it', async () => {
    const insights = await insightsOf(plantReader);
    expect(insights.units.map((u) => u.name).sort()).toEqual(['Line', 'Plant']);
    expect(insights.spend.series.map((s) => s.label)).toEqual(['Plant', 'Line']);
    expect(insights.spend.monthlyLimitMinor).toBe(150_000);
    expect(insights.outcomes.find((o) => o.key === 'approved')?.count).toBe(0);
    expect(insights.topRequesters.map((r) => r.name)).toEqual(['Rita One', 'Raul Two']);
  });

  it('refuses a unit outside the reader’s reach, or of another organization, with a clear message', async () => {
    const outside = await trpcErrorOf(insightsOf(plantReader, { unitId: office.id }));
    expect(outside.code).toBe('BAD_REQUEST');
    expect(outside.message).toBe('That unit is not one whose figures you can see.');
    const foreign = await trpcErrorOf(insightsOf(otherAdmin, { unitId: plant.id }));
    expect(foreign.code).toBe('BAD_REQUEST');
  });

  it('refuses bad filters as input errors, not failures', async () => {
    expect((await trpcErrorOf(insightsOf(admin, { from: '2026-13-01' }))).code).toBe('BAD_REQUEST');
    expect((await trpcErrorOf(insightsOf(admin, { from: '2026-03-10', to: '2026-03-01' }))).code).toBe('BAD_REQUEST');
    expect((await trpcErrorOf(insightsOf(admin, { from: '2020-01-01', to: '2026-03-01' }))).code).toBe('BAD_REQUEST');
  });

  it('refuses members without the permission', async () => {
    expect((await trpcErrorOf(insightsOf(buyerOnly))).code).toBe('FORBIDDEN');
  });

  it('shows another organization nothing of this one', async () => {
    const insights = await insightsOf(otherAdmin);
    expect(insights.topRequesters.map((r) => r.amountMinor)).toEqual([777_777]);
    expect(insights.spend.monthlyLimitMinor).toBe(0);
    expect(insights.waiting.every((b) => b.count === 0)).toBe(true);
    expect(insights.declines).toEqual([]);
    expect(insights.units.map((u) => u.id)).not.toContain(plant.id);
  });
});

describe('where insights read', () => {
  it('reads from the report database (the replica when DATABASE_READ_URL is set), not the main pool', async () => {
    const context = await signIn(database.db, admin.membership, { now: () => NOW });
    let reads = 0;
    const reportDb = new Proxy(database.db, {
      get(target, property, receiver) {
        if (property === 'execute' || property === 'select') reads += 1;
        return Reflect.get(target, property, receiver) as unknown;
      },
    });
    const insights = await createCaller({ ...context, reportDb }).insights.organization({});
    expect(insights.topRequesters).toHaveLength(3);
    // The organization's books, its units, its reach and the seven chart statements.
    expect(reads).toBeGreaterThanOrEqual(9);
  });
});
