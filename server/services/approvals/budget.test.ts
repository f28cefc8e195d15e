import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  memberships,
  orders,
  spendingLimitAuthorizers,
  spendingLimits,
  type Order,
  type Organization,
} from '@/db/schema';
import { formatMoney } from '@/server/domain/money';
import { renderEmail } from '@/server/email/render';
import { createProduct, givePriceList } from '@/server/testing/catalog';
import { setupTestDatabase } from '@/server/testing/database';
import { createCaller, createMember, createOrganization, signIn, type Member } from '@/server/testing/factories';
import { emailsTo } from '@/server/testing/onboarding';
import { placeOrder, readyToOrder } from '@/server/testing/orders';

/**
 * The budget in view, through the approval page's procedure (`authorizations.order`) on a real
 * database: Rita has a monthly limit of 5,000.00 and a per-order limit of 1,000.00; Andy and Quinn
 * (who may not see prices) authorize both.
 */
const database = setupTestDatabase();
const db = () => database.db;
const as = async (member: Member) => createCaller(await signIn(db(), member.membership));
const usd = (minor: number) => formatMoney(minor, 'USD');

type Scene = {
  organization: Organization;
  rita: Member;
  andy: Member;
  quinn: Member;
  /** Counts against the month: placed this month, within both limits, gone on without approval. */
  counted: Order;
  /** Waits for approval: over the per-order limit, within the monthly one. */
  waiting: Order;
};
let scene: Scene;

async function limit(
  organization: Organization,
  requester: Member,
  limitMinor: number,
  period: 'order' | 'month',
  authorizers: Member[],
) {
  const [row] = await db()
    .insert(spendingLimits)
    .values({
      organizationId: organization.id,
      membershipId: requester.membership.id,
      limitMinor,
      period,
      createdAt: new Date(),
    })
    .returning();
  if (!row) throw new Error('spending limit insert failed');
  await db()
    .insert(spendingLimitAuthorizers)
    .values(authorizers.map((person) => ({ limitId: row.id, membershipId: person.membership.id })));
  return row.id;
}

beforeAll(async () => {
  const organization = await createOrganization(db());
  const list = await givePriceList(db(), organization);
  const { address } = await readyToOrder(db(), organization);
  const product = await createProduct(db(), { prices: [[list, 10_000]], onHand: 1_000 });
  const rita = await createMember(db(), organization, {
    roles: ['buyer'],
    mayOrder: true,
    maySeePrices: true,
    hasLimitedBudget: true,
    user: { name: 'Rita Requester' },
  });
  const andy = await createMember(db(), organization, {
    roles: ['authorizer'],
    mayAuthorizeOrders: true,
    maySeePrices: true,
    user: { name: 'Andy Authorizer' },
  });
  const quinn = await createMember(db(), organization, {
    roles: ['authorizer'],
    mayAuthorizeOrders: true,
    maySeePrices: false,
    user: { name: 'Quinn Quiet' },
  });
  const mo = await createMember(db(), organization, { roles: ['buyer'], mayOrder: true, user: { name: 'Mo Other' } });
  await limit(organization, rita, 500_000, 'month', [andy, quinn]);
  await limit(organization, rita, 100_000, 'order', [andy, quinn]);
  const order = (member: Member, quantity: number) =>
    placeOrder(db(), member, { lines: [[product, quantity]], addressId: address.id });

  const counted = await order(rita, 3);
  // Last month's order counts in last month, not this one.
  const old = await order(rita, 9);
  const now = new Date();
  await db()
    .update(orders)
    .set({ submittedAt: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15)) })
    .where(eq(orders.id, old.id));
  // Another member's orders are their own budget.
  await order(mo, 40);
  // A declined order counts no more, as in the approval policy.
  const declined = await order(rita, 12);
  await (await as(andy)).authorizations.decline({ number: declined.number, feedback: 'Split it.' });
  const waiting = await order(rita, 11);
  expect(waiting.status).toBe('pending_approval');
  scene = { organization, rita, andy, quinn, counted, waiting };
});

describe('the budget on the approval page', () => {
  it('gives an authorizer who may see prices the month’s other orders, this order and each limit', async () => {
    const { counted, waiting } = scene;
    const page = await (await as(scene.andy)).authorizations.order({ number: waiting.number });
    const after = counted.totalMinor + waiting.totalMinor;
    expect(page.budget).toEqual({
      lines: [
        {
          period: 'month',
          over: false,
          words: `Spent ${usd(counted.totalMinor)} of $5,000.00 this month; this order adds ${usd(waiting.totalMinor)} (${Math.floor((after * 100) / 500_000)} %).`,
          amounts: {
            currency: 'USD',
            beforeMinor: counted.totalMinor,
            orderMinor: waiting.totalMinor,
            limitMinor: 500_000,
            overMinor: 0,
          },
          bar: expect.objectContaining({ limit: 100 }),
        },
        {
          period: 'order',
          over: true,
          words: `This order is ${usd(waiting.totalMinor)}; the limit per order is $1,000.00 — ${usd(waiting.totalMinor - 100_000)} over.`,
          amounts: {
            currency: 'USD',
            beforeMinor: 0,
            orderMinor: waiting.totalMinor,
            limitMinor: 100_000,
            overMinor: waiting.totalMinor - 100_000,
          },
          bar: expect.objectContaining({ order: 100 }),
        },
      ],
      noLimit: null,
    });
  });

  it('gives an authorizer who may not see prices within or over in words, and no amount', async () => {
    const page = await (await as(scene.quinn)).authorizations.order({ number: scene.waiting.number });
    expect(page.budget).toEqual({
      lines: [
        { period: 'month', over: false, words: 'Within the monthly limit this month, with this order.' },
        { period: 'order', over: true, words: 'Over the limit per order.' },
      ],
      noLimit: null,
    });
    expect(JSON.stringify(page.budget)).not.toMatch(/Minor|\$|\d/);
  });

  it('emails each authorizer the budget as they may see it', async () => {
    const emailTo = async (member: Member) => {
      const all = await emailsTo(db(), member.user.email, 'approval-requested');
      const email = all.find((candidate) => candidate.props.orderNumber === scene.waiting.number);
      if (!email) throw new Error(`no approval email to ${member.user.name}`);
      return renderEmail('approval-requested', email.props);
    };
    const month = scene.waiting.submittedAt.toLocaleString('en-US', {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    const andy = await emailTo(scene.andy);
    expect(andy.text).toContain(`Spent ${usd(scene.counted.totalMinor)} of $5,000.00 in ${month};`);
    expect(andy.text).toContain(`the limit per order is $1,000.00 — ${usd(scene.waiting.totalMinor - 100_000)} over.`);
    const quinn = await emailTo(scene.quinn);
    expect(quinn.text).toContain(`Within the monthly limit in ${month}, with this order.`);
    expect(quinn.text).toContain('Over the limit per order.');
    // The step's label names the organization's limit (policy, not a price); no other amount reaches Quinn.
    expect(quinn.text.replaceAll('Spending limit over $1,000.00 per order', '')).not.toContain('$');
  });

  it('counts a monthly limit over once the month’s other orders pass it', async () => {
    const { organization, rita, andy, counted, waiting } = scene;
    const low = await limit(organization, rita, counted.totalMinor, 'month', [andy]);
    try {
      const page = await (await as(andy)).authorizations.order({ number: waiting.number });
      expect(page.budget?.lines[0]).toMatchObject({
        period: 'month',
        over: true,
        words: `Spent ${usd(counted.totalMinor)} of ${usd(counted.totalMinor)} this month; this order adds ${usd(waiting.totalMinor)} — ${usd(waiting.totalMinor)} over.`,
      });
    } finally {
      await db().delete(spendingLimits).where(eq(spendingLimits.id, low));
    }
  });

  it('says no limit applies once the requester no longer has a limited budget, and shows nothing once decided', async () => {
    const { rita, andy, counted, waiting } = scene;
    await db().update(memberships).set({ hasLimitedBudget: false }).where(eq(memberships.id, rita.membership.id));
    try {
      const page = await (await as(andy)).authorizations.order({ number: waiting.number });
      expect(page.budget).toEqual({
        lines: [],
        noLimit: `No spending limit applies to the requester; spent ${usd(counted.totalMinor)} this month besides this order.`,
      });
    } finally {
      await db().update(memberships).set({ hasLimitedBudget: true }).where(eq(memberships.id, rita.membership.id));
    }
    await (await as(andy)).authorizations.approve({ number: waiting.number });
    expect((await (await as(andy)).authorizations.order({ number: waiting.number })).budget).toBeNull();
  });
});
