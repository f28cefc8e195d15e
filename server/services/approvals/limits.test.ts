import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { approvalSteps, auditLog, spendingLimits, type Organization, type Product } from '@/db/schema';
import { createProduct, givePriceList } from '@/server/testing/catalog';
import { setupTestDatabase } from '@/server/testing/database';
import { trpcErrorOf } from '@/server/testing/errors';
import {
  ACCOUNT_MANAGER,
  createCaller,
  createMember,
  createOrganization,
  signIn,
  type Member,
} from '@/server/testing/factories';
import { placeOrder, readyToOrder } from '@/server/testing/orders';

const database = setupTestDatabase();
const db = () => database.db;

type Team = {
  organization: Organization;
  addressId: string;
  product: Product;
  admin: Member;
  sub: Member;
  ann: Member;
  ben: Member;
  cat: Member;
};

const authorizer = (organization: Organization, name: string) =>
  createMember(db(), organization, { roles: ['authorizer'], mayAuthorizeOrders: true, user: { name } });

/** A sub-account with a limited budget, three people who may authorize, a product at 100.00 USD (orders add 15.00 shipping). */
async function team(): Promise<Team> {
  const organization = await createOrganization(db());
  const list = await givePriceList(db(), organization);
  const { address } = await readyToOrder(db(), organization);
  const product = await createProduct(db(), { prices: [[list, 10_000]], onHand: 1_000 });
  const admin = await createMember(db(), organization, { ...ACCOUNT_MANAGER, user: { name: 'Ada Admin' } });
  const sub = await createMember(db(), organization, {
    roles: ['buyer'],
    mayOrder: true,
    hasLimitedBudget: true,
    user: { name: 'Rob Requester' },
  });
  return {
    organization,
    addressId: address.id,
    product,
    admin,
    sub,
    ann: await authorizer(organization, 'Ann Approver'),
    ben: await authorizer(organization, 'Ben Approver'),
    cat: await authorizer(organization, 'Cat Controller'),
  };
}

const as = async (member: Member) => createCaller(await signIn(db(), member.membership));
const ids = (...members: Member[]) => members.map((member) => member.membership.id);

let t: Team;
beforeEach(async () => {
  t = await team();
});

describe('spending limits of a sub-account', () => {
  it('are added, listed with the authorizers’ names lowest first, and apply to the next order', async () => {
    const admin = await as(t.admin);
    await admin.spendingLimits.create({
      membershipId: t.sub.membership.id,
      limit: '5,000',
      period: 'order',
      authorizerMembershipIds: ids(t.cat),
    });
    await admin.spendingLimits.create({
      membershipId: t.sub.membership.id,
      limit: '1000.00',
      period: 'order',
      authorizerMembershipIds: ids(t.ben, t.ann),
    });

    const listed = await admin.spendingLimits.list({ membershipId: t.sub.membership.id });
    expect(listed.currency).toBe('USD');
    expect(listed.member).toMatchObject({ name: 'Rob Requester', hasLimitedBudget: true });
    expect(
      listed.entries.map((entry) => [entry.limitMinor, entry.period, entry.authorizers.map((person) => person.name)]),
    ).toEqual([
      [100_000, 'order', ['Ann Approver', 'Ben Approver']],
      [500_000, 'order', ['Cat Controller']],
    ]);
    expect(listed.authorizerOptions.map((option) => option.name)).toEqual([
      'Ada Admin',
      'Ann Approver',
      'Ben Approver',
      'Cat Controller',
    ]);

    const order = await placeOrder(db(), t.sub, { lines: [[t.product, 60]], addressId: t.addressId });
    expect(order.status).toBe('pending_approval');
    const steps = await db().select().from(approvalSteps).where(eq(approvalSteps.orderId, order.id));
    expect(steps.sort((a, b) => a.tier - b.tier).map((step) => step.authorizers.map((person) => person.name))).toEqual([
      ['Ann Approver', 'Ben Approver'],
      ['Cat Controller'],
    ]);

    const page = await admin.spendingLimits.members({ search: 'Rob' });
    expect(page.rows).toEqual([
      expect.objectContaining({
        name: 'Rob Requester',
        entries: [expect.objectContaining({ limitMinor: 100_000 }), expect.objectContaining({ limitMinor: 500_000 })],
      }),
    ]);
  });

  it('are changed and removed, each change in the history', async () => {
    const admin = await as(t.admin);
    const { limitId } = await admin.spendingLimits.create({
      membershipId: t.sub.membership.id,
      limit: '1,000.00',
      period: 'order',
      authorizerMembershipIds: ids(t.ann),
    });
    await admin.spendingLimits.update({
      limitId,
      limit: '2,500.50',
      period: 'month',
      authorizerMembershipIds: ids(t.ben, t.cat),
    });
    const [entry] = (await admin.spendingLimits.list({ membershipId: t.sub.membership.id })).entries;
    expect(entry).toMatchObject({
      limitMinor: 250_050,
      period: 'month',
      authorizers: [{ name: 'Ben Approver' }, { name: 'Cat Controller' }],
    });
    await admin.spendingLimits.delete({ limitId });
    expect((await admin.spendingLimits.list({ membershipId: t.sub.membership.id })).entries).toEqual([]);
    const history = await (await as(t.admin)).auditHistory.list({});
    const lines = JSON.stringify(history);
    expect(lines).toContain("Added Rob Requester's spending limit over $1,000.00: Ann Approver approves");
    expect(lines).toContain(
      "Changed Rob Requester's spending limit over $2,500.50 this month: Ben Approver or Cat Controller approve",
    );
    expect(lines).toContain("Removed Rob Requester's spending limit over $2,500.50 this month");
    expect(await db().select().from(auditLog).where(eq(auditLog.organizationId, t.organization.id))).toHaveLength(3);
  });

  it('puts a mistyped amount beside the limit field', async () => {
    const admin = await as(t.admin);
    for (const limit of ['ten', '1,000.005', '-5']) {
      const refused = await trpcErrorOf(
        admin.spendingLimits.create({
          membershipId: t.sub.membership.id,
          limit,
          period: 'order',
          authorizerMembershipIds: ids(t.ann),
        }),
      );
      expect(refused.code).toBe('BAD_REQUEST');
      expect(refused.cause).toMatchObject({ fieldErrors: { limit: ['Enter an amount in USD, like 1,000.00.'] } });
    }
    expect(
      await db().select().from(spendingLimits).where(eq(spendingLimits.membershipId, t.sub.membership.id)),
    ).toEqual([]);
  });

  it('refuses authorizers who may not decide, beside the authorizers field', async () => {
    const admin = await as(t.admin);
    const stranger = await authorizer(await createOrganization(db()), 'Sid Stranger');
    const plain = await createMember(db(), t.organization, {
      roles: ['buyer'],
      mayOrder: true,
      user: { name: 'Pat Plain' },
    });
    const gone = await createMember(db(), t.organization, {
      roles: ['authorizer'],
      mayAuthorizeOrders: true,
      activated: false,
      user: { name: 'Gus Gone' },
    });
    const cases: [Member, string][] = [
      [t.sub, 'Rob Requester cannot authorize their own orders. Choose someone else.'],
      [
        plain,
        'Pat Plain may not authorize orders. Tick “May authorize orders” on their account first, or choose someone else.',
      ],
      [gone, 'Gus Gone is not an active member (deactivated, or not signed in yet). Choose someone else.'],
      [stranger, 'Choose among the members of your organization who may authorize orders.'],
    ];
    for (const [person, message] of cases) {
      const refused = await trpcErrorOf(
        admin.spendingLimits.create({
          membershipId: t.sub.membership.id,
          limit: '100',
          period: 'order',
          authorizerMembershipIds: ids(t.ann, person),
        }),
      );
      expect(refused.cause).toMatchObject({ fieldErrors: { authorizerMembershipIds: [message] } });
    }
  });

  it('refuses a sub-account without a limited budget, and a second entry at the same limit', async () => {
    const admin = await as(t.admin);
    const unlimited = await createMember(db(), t.organization, {
      roles: ['buyer'],
      mayOrder: true,
      user: { name: 'Una Unlimited' },
    });
    const refused = await trpcErrorOf(
      admin.spendingLimits.create({
        membershipId: unlimited.membership.id,
        limit: '100',
        period: 'order',
        authorizerMembershipIds: ids(t.ann),
      }),
    );
    expect(refused).toMatchObject({
      code: 'PRECONDITION_FAILED',
      message:
        'Una Unlimited does not have a limited budget, so spending limits would not apply. Tick “Has limited budget” on their account first.',
    });

    await admin.spendingLimits.create({
      membershipId: t.sub.membership.id,
      limit: '100',
      period: 'order',
      authorizerMembershipIds: ids(t.ann),
    });
    const twice = await trpcErrorOf(
      admin.spendingLimits.create({
        membershipId: t.sub.membership.id,
        limit: '100.00',
        period: 'order',
        authorizerMembershipIds: ids(t.ben),
      }),
    );
    expect(twice.cause).toMatchObject({
      fieldErrors: {
        limit: ['There is already an entry over $100.00 per order. Add the authorizers to that one instead.'],
      },
    });
  });

  it('are refused to members without the permission, and another organization’s sub-account is not found', async () => {
    const refused = await trpcErrorOf((await as(t.ann)).spendingLimits.list({ membershipId: t.sub.membership.id }));
    expect(refused.code).toBe('FORBIDDEN');
    const other = await createMember(db(), await createOrganization(db()), { ...ACCOUNT_MANAGER });
    const hidden = await trpcErrorOf((await as(other)).spendingLimits.list({ membershipId: t.sub.membership.id }));
    expect(hidden).toMatchObject({ code: 'NOT_FOUND', message: 'That member was not found.' });
  });
});

describe('authorizers of a limit with orders to decide', () => {
  it('cannot be taken off the entry, nor the entry removed, until the orders are decided', async () => {
    const admin = await as(t.admin);
    const { limitId } = await admin.spendingLimits.create({
      membershipId: t.sub.membership.id,
      limit: '1,000',
      period: 'order',
      authorizerMembershipIds: ids(t.ann, t.ben),
    });
    const first = await placeOrder(db(), t.sub, { lines: [[t.product, 20]], addressId: t.addressId });
    const second = await placeOrder(db(), t.sub, { lines: [[t.product, 30]], addressId: t.addressId });
    const numbers = [first.number, second.number].sort().join(', ');

    const removal = await trpcErrorOf(
      admin.spendingLimits.update({ limitId, limit: '1,000', period: 'order', authorizerMembershipIds: ids(t.ben) }),
    );
    const message = `Ann Approver still has orders to decide: ${numbers}. Decide them or ask someone to decide them first.`;
    expect(removal).toMatchObject({ code: 'PRECONDITION_FAILED', message });
    expect(removal.cause).toMatchObject({ fieldErrors: { authorizerMembershipIds: [message] } });
    expect((await trpcErrorOf(admin.spendingLimits.delete({ limitId }))).message).toBe(message);

    // Adding someone, or changing the amount, is fine meanwhile.
    await admin.spendingLimits.update({
      limitId,
      limit: '1,200',
      period: 'order',
      authorizerMembershipIds: ids(t.ann, t.ben, t.cat),
    });

    await (await as(t.ben)).authorizations.approve({ number: first.number });
    await (await as(t.ann)).authorizations.decline({ number: second.number, feedback: 'Too much this week.' });
    await admin.spendingLimits.update({
      limitId,
      limit: '1,200',
      period: 'order',
      authorizerMembershipIds: ids(t.cat),
    });
    await admin.spendingLimits.delete({ limitId });
  });
});
