import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  approvalInbox,
  approvalRules,
  approvalSteps,
  inventory,
  membershipRoles,
  orders,
  roles,
  spendingLimitAuthorizers,
  spendingLimits,
  type Order,
  type Organization,
  type Product,
} from '@/db/schema';
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
import { createProduct, givePriceList } from '@/server/testing/catalog';
import { raceBehindLock } from '@/server/testing/locks';
import { emailsTo } from '@/server/testing/onboarding';
import { placeOrder, readyToOrder } from '@/server/testing/orders';
import { lockOrder, moveOrder } from '../orders/transition';

const database = setupTestDatabase();
const db = () => database.db;

type Team = {
  organization: Organization;
  addressId: string;
  product: Product;
  requester: Member;
  a: Member;
  b: Member;
  c: Member;
  manager: Member;
};

const authorizer = (organization: Organization, name: string) =>
  createMember(db(), organization, { roles: ['authorizer'], mayAuthorizeOrders: true, user: { name } });

/** A sub-account with a limited budget: over 1,000.00 A or B approves, over 5,000.00 then C too. A product at 100.00. */
async function team(): Promise<Team> {
  const organization = await createOrganization(db());
  const list = await givePriceList(db(), organization);
  const { address } = await readyToOrder(db(), organization);
  const product = await createProduct(db(), { prices: [[list, 10_000]], onHand: 1_000 });
  const requester = await createMember(db(), organization, {
    roles: ['buyer'],
    mayOrder: true,
    hasLimitedBudget: true,
    user: { name: 'Rob Requester' },
  });
  const [a, b, c] = [
    await authorizer(organization, 'Ann Approver'),
    await authorizer(organization, 'Ben Approver'),
    await authorizer(organization, 'Cat Controller'),
  ];
  const manager = await createMember(db(), organization, {
    ...ACCOUNT_MANAGER,
    shopAccountRole: 'account_manager',
    user: { name: 'Max Manager' },
  });
  const limit = async (limitMinor: number, people: Member[]) => {
    const [row] = await db()
      .insert(spendingLimits)
      .values({
        organizationId: organization.id,
        membershipId: requester.membership.id,
        limitMinor,
        createdAt: new Date(),
      })
      .returning();
    await db()
      .insert(spendingLimitAuthorizers)
      .values(people.map((person) => ({ limitId: row?.id ?? '', membershipId: person.membership.id })));
  };
  await limit(100_000, [a, b]);
  await limit(500_000, [c]);
  return { organization, addressId: address.id, product, requester, a, b, c, manager };
}

const as = async (member: Member) => createCaller(await signIn(db(), member.membership));
const order = (t: Team, quantity: number) =>
  placeOrder(db(), t.requester, { lines: [[t.product, quantity]], addressId: t.addressId });
const inboxOf = async (member: Member, o: Order) =>
  (await db().select().from(approvalInbox).where(eq(approvalInbox.membershipId, member.membership.id)))
    .filter((row) => row.orderId === o.id)
    .map((row) => row.state);
const statusOf = async (o: Order) =>
  (await db().select({ status: orders.status }).from(orders).where(eq(orders.id, o.id)))[0]?.status;

let t: Team;
beforeEach(async () => {
  t = await team();
});

describe('an order over the spending limits', () => {
  it('needs nothing up to the first limit', async () => {
    expect(await order(t, 9)).toMatchObject({ status: 'payment_authorized' });
  });

  it('waits for A or B, then C; emails each tier when its turn comes; the last approval confirms it', async () => {
    const placed = await order(t, 60);
    expect(placed.status).toBe('pending_approval');
    expect(await inboxOf(t.a, placed)).toEqual(['pending']);
    expect(await inboxOf(t.c, placed)).toEqual(['waiting']);
    expect(await emailsTo(db(), t.a.user.email, 'approval-requested')).toHaveLength(1);
    expect(await emailsTo(db(), t.c.user.email, 'approval-requested')).toHaveLength(0);

    await (await as(t.a)).authorizations.approve({ number: placed.number });
    expect(await statusOf(placed)).toBe('pending_approval');
    expect(await inboxOf(t.b, placed)).toEqual(['approved']);
    expect(await inboxOf(t.c, placed)).toEqual(['pending']);
    expect(await emailsTo(db(), t.c.user.email, 'approval-requested')).toHaveLength(1);

    const done = await (await as(t.c)).authorizations.approve({ number: placed.number, feedback: 'Fine for Q4.' });
    expect(done).toMatchObject({ status: 'payment_authorized', decision: 'approved' });
    const [outcome] = await emailsTo(db(), t.requester.user.email, 'approval-decided');
    expect(outcome?.props).toMatchObject({ approved: true, decidedBy: 'Cat Controller', feedback: 'Fine for Q4.' });
  });

  it('lets exactly one of two authorizers deciding at once win, and tells the other who decided', async () => {
    const placed = await order(t, 20);
    const [ann, ben] = [await as(t.a), await as(t.b)];
    // Both decisions queue behind the order's lock, so they really run at the same time.
    const results = await raceBehindLock(db(), (blocker) => lockOrder(blocker, placed.id), [
      () => ann.authorizations.approve({ number: placed.number }),
      () => ben.authorizations.decline({ number: placed.number, feedback: 'No.' }),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((result) => result.status === 'rejected');
    expect(String((lost as PromiseRejectedResult).reason.message)).toMatch(
      /^Already (approved|declined) by (Ann|Ben) Approver at [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d\d [AP]M UTC\.$/,
    );
    const decided = await db().select().from(approvalSteps).where(eq(approvalSteps.orderId, placed.id));
    expect(decided.filter((step) => step.status !== 'pending' && step.status !== 'waiting')).toHaveLength(1);
  });

  it('declines with feedback, which the requester reads; the waiting tier is never asked', async () => {
    const placed = await order(t, 60);
    const refused = await trpcErrorOf(
      (await as(t.a)).authorizations.decline({ number: placed.number, feedback: '  ' }),
    );
    expect(refused.code).toBe('BAD_REQUEST');
    await (await as(t.a)).authorizations.decline({ number: placed.number, feedback: 'Split it by cost center.' });
    expect(await statusOf(placed)).toBe('declined');
    const [outcome] = await emailsTo(db(), t.requester.user.email, 'approval-decided');
    expect(outcome?.props).toMatchObject({ approved: false, feedback: 'Split it by cost center.' });
    expect(await inboxOf(t.c, placed)).toEqual(['declined']);
    expect(await emailsTo(db(), t.c.user.email, 'approval-requested')).toHaveLength(0);
  });

  it('tells the requester which items are short when the approved order is backordered', async () => {
    const placed = await order(t, 20);
    await db().update(inventory).set({ onHand: 5 }).where(eq(inventory.productId, t.product.id));
    await (await as(t.a)).authorizations.approve({ number: placed.number });
    expect(await statusOf(placed)).toBe('backordered');
    const backordered = await emailsTo(db(), t.requester.user.email, 'order-backordered');
    expect(backordered.map((email) => email.props)).toEqual([
      expect.objectContaining({
        orderNumber: placed.number,
        shortLines: [{ sku: t.product.sku, name: t.product.name, quantity: 20 }],
      }),
    ]);
  });

  it('refuses an authorizer of a later tier and anyone not named', async () => {
    const placed = await order(t, 60);
    const early = await trpcErrorOf((await as(t.c)).authorizations.approve({ number: placed.number }));
    expect(early).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('earlier approval') });
    const stranger = await authorizer(t.organization, 'Sid Stranger');
    expect((await trpcErrorOf((await as(stranger)).authorizations.approve({ number: placed.number }))).code).toBe(
      'FORBIDDEN',
    );
  });
});

describe('approval rules', () => {
  it('works the 10,000 / 15,000 example through both tiers', async () => {
    const organization = await createOrganization(db());
    const list = await givePriceList(db(), organization);
    const { address } = await readyToOrder(db(), organization);
    const product = await createProduct(db(), { prices: [[list, 100_000]], onHand: 100 });
    const [purchasing, finance] = await db()
      .insert(roles)
      .values([
        { organizationId: organization.id, side: 'buyer', name: 'Purchasing manager', permissions: ['orders.approve'] },
        { organizationId: organization.id, side: 'buyer', name: 'Finance manager', permissions: ['orders.approve'] },
      ])
      .returning();
    const buyer = await createMember(db(), organization, { roles: ['buyer'], mayOrder: true });
    const pat = await createMember(db(), organization, {
      roles: ['authorizer'],
      mayAuthorizeOrders: true,
      user: { name: 'Pat Purchasing' },
    });
    const fay = await createMember(db(), organization, {
      roles: ['authorizer'],
      mayAuthorizeOrders: true,
      user: { name: 'Fay Finance' },
    });
    await db()
      .insert(membershipRoles)
      .values([
        { membershipId: pat.membership.id, roleId: purchasing?.id ?? '' },
        { membershipId: fay.membership.id, roleId: finance?.id ?? '' },
      ]);
    const rule = (name: string, value: number, roleId: string, tier: number) => ({
      organizationId: organization.id,
      name,
      tier,
      conditions: [{ field: 'order_total' as const, comparator: '>' as const, value }],
      appliesTo: { kind: 'everyone' as const },
      approvers: { kind: 'role' as const, roleId },
      createdAt: new Date(),
      updatedAt: new Date(),
    });
    await db()
      .insert(approvalRules)
      .values([
        rule('Over 10,000', 1_000_000, purchasing?.id ?? '', 1),
        rule('Over 15,000', 1_500_000, finance?.id ?? '', 2),
      ]);

    const small = await placeOrder(db(), buyer, { lines: [[product, 9]], addressId: address.id });
    expect(small.status).toBe('payment_authorized');
    const middle = await placeOrder(db(), buyer, { lines: [[product, 12]], addressId: address.id });
    expect(middle.status).toBe('pending_approval');
    await (await as(pat)).authorizations.approve({ number: middle.number });
    expect(await statusOf(middle)).toBe('payment_authorized');

    const large = await placeOrder(db(), buyer, { lines: [[product, 16]], addressId: address.id });
    await (await as(pat)).authorizations.approve({ number: large.number });
    expect(await statusOf(large)).toBe('pending_approval');
    await (await as(fay)).authorizations.approve({ number: large.number });
    expect(await statusOf(large)).toBe('payment_authorized');
  });
});

describe('self-approval', () => {
  it('sends a step only the requester could decide to the account manager', async () => {
    const requesterAlsoAuthorizer = t.requester;
    await db()
      .update(spendingLimitAuthorizers)
      .set({ membershipId: requesterAlsoAuthorizer.membership.id })
      .where(eq(spendingLimitAuthorizers.membershipId, t.a.membership.id));
    await db().delete(spendingLimitAuthorizers).where(eq(spendingLimitAuthorizers.membershipId, t.b.membership.id));
    const placed = await order(t, 20);
    expect(await inboxOf(t.manager, placed)).toEqual(['pending']);
    const [email] = await emailsTo(db(), t.manager.user.email, 'approval-requested');
    expect(email?.props).toMatchObject({ reason: 'self' });
    await (await as(t.manager)).authorizations.approve({ number: placed.number });
    expect(await statusOf(placed)).toBe('payment_authorized');
  });
});

describe('the authorizations inbox', () => {
  it('lists what waits for me, newest first, with a count, search, requester and date filters', async () => {
    const first = await order(t, 20);
    const second = await order(t, 30);
    const caller = await as(t.a);
    expect(await caller.authorizations.waitingCount()).toBe(2);
    const page = await caller.authorizations.inbox({ state: 'pending' });
    expect(page).toMatchObject({
      total: 2,
      rows: [
        { number: second.number, requesterName: 'Rob Requester', total: { amountMinor: 301_500 } },
        { number: first.number },
      ],
    });
    expect(
      (await caller.authorizations.inbox({ state: 'pending', search: first.number.slice(-4) })).rows.map(
        (row) => row.number,
      ),
    ).toEqual([first.number]);
    expect(
      (await caller.authorizations.inbox({ state: 'pending', requesterMembershipId: t.a.membership.id })).total,
    ).toBe(0);
    expect((await caller.authorizations.inbox({ state: 'pending', from: '2000-01-01', to: '2000-12-31' })).total).toBe(
      0,
    );
    expect(await caller.authorizations.requesters()).toEqual([
      { membershipId: t.requester.membership.id, name: 'Rob Requester' },
    ]);

    await caller.authorizations.approve({ number: first.number });
    expect(await caller.authorizations.waitingCount()).toBe(1);
    expect((await caller.authorizations.inbox({ state: 'approved' })).rows.map((row) => row.number)).toEqual([
      first.number,
    ]);
  });

  it('offers each requester of the inbox once in the filter, by name, whatever the state of their orders', async () => {
    const amy = await createMember(db(), t.organization, {
      roles: ['buyer'],
      mayOrder: true,
      hasLimitedBudget: true,
      user: { name: 'Amy Asker' },
    });
    const [limit] = await db()
      .insert(spendingLimits)
      .values({
        organizationId: t.organization.id,
        membershipId: amy.membership.id,
        limitMinor: 100_000,
        createdAt: new Date(),
      })
      .returning();
    await db()
      .insert(spendingLimitAuthorizers)
      .values({ limitId: limit?.id ?? '', membershipId: t.a.membership.id });
    const robs = [await order(t, 20), await order(t, 60)];
    await placeOrder(db(), amy, { lines: [[t.product, 20]], addressId: t.addressId });
    await (await as(t.a)).authorizations.approve({ number: robs[0]?.number ?? '' });
    expect(await (await as(t.a)).authorizations.requesters()).toEqual([
      { membershipId: amy.membership.id, name: 'Amy Asker' },
      { membershipId: t.requester.membership.id, name: 'Rob Requester' },
    ]);
    expect(await (await as(t.c)).authorizations.requesters()).toEqual([
      { membershipId: t.requester.membership.id, name: 'Rob Requester' },
    ]);
  });

  it('shows an order to its authorizers with its steps and who decided, and to nobody else', async () => {
    const placed = await order(t, 60);
    await (await as(t.b)).authorizations.approve({ number: placed.number, feedback: 'OK' });
    const seen = await (await as(t.c)).authorizations.order({ number: placed.number });
    expect(seen).toMatchObject({
      canDecide: true,
      order: { number: placed.number, requester: { name: 'Rob Requester' } },
      steps: [
        { tier: 1, status: 'approved', decidedBy: 'Ben Approver', feedback: 'OK' },
        { tier: 2, status: 'pending', authorizers: [{ name: 'Cat Controller', isYou: true }] },
      ],
    });
    expect((await (await as(t.a)).authorizations.order({ number: placed.number })).whyNot).toMatch(
      /^Already approved by Ben Approver at /,
    );
    const stranger = await authorizer(t.organization, 'Sid Stranger');
    expect((await trpcErrorOf((await as(stranger)).authorizations.order({ number: placed.number }))).code).toBe(
      'NOT_FOUND',
    );
  });
});

describe('cancelling a decision', () => {
  it('returns an approved, allocated order to its step, gives the stock back, and lets it be decided again', async () => {
    const placed = await order(t, 20);
    await (await as(t.a)).authorizations.approve({ number: placed.number });
    expect(await statusOf(placed)).toBe('payment_authorized');
    const stock = async () =>
      (await db().select().from(inventory).where(eq(inventory.productId, t.product.id)))[0]?.allocated;
    expect(await stock()).toBe(20);

    const reversed = await (await as(t.a)).authorizations.cancelDecision({ number: placed.number });
    expect(reversed.status).toBe('pending_approval');
    expect(await stock()).toBe(0);
    expect(await inboxOf(t.b, placed)).toEqual(['pending']);
    expect(await emailsTo(db(), t.b.user.email, 'approval-requested')).toHaveLength(2);

    await (await as(t.b)).authorizations.decline({ number: placed.number, feedback: 'Not this month.' });
    expect(await statusOf(placed)).toBe('declined');
  });

  it('reverses a decline, and with it every later tier', async () => {
    const placed = await order(t, 60);
    await (await as(t.a)).authorizations.approve({ number: placed.number });
    await (await as(t.c)).authorizations.decline({ number: placed.number, feedback: 'Too much.' });
    await (await as(t.c)).authorizations.cancelDecision({ number: placed.number });
    expect(await statusOf(placed)).toBe('pending_approval');
    await (await as(t.a)).authorizations.cancelDecision({ number: placed.number });
    const steps = await db().select().from(approvalSteps).where(eq(approvalSteps.orderId, placed.id));
    expect(steps.map((step) => `${step.tier}:${step.status}`).sort()).toEqual(['1:pending', '2:waiting']);
  });

  it('is refused once the order is released, and to someone who made no decision', async () => {
    const placed = await order(t, 20);
    expect((await trpcErrorOf((await as(t.a)).authorizations.cancelDecision({ number: placed.number }))).code).toBe(
      'FORBIDDEN',
    );
    await (await as(t.a)).authorizations.approve({ number: placed.number });
    await db().transaction(async (tx) =>
      moveOrder(tx, await lockOrder(tx, placed.id), 'release', {
        now: new Date(),
        actorUserId: null,
        message: 'Released.',
      }),
    );
    const late = await trpcErrorOf((await as(t.a)).authorizations.cancelDecision({ number: placed.number }));
    expect(late).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('no longer be reversed') });
  });
});

describe('submitting a declined order again', () => {
  it('asks the policy afresh: after the administrator raised the limit it goes straight on', async () => {
    const placed = await order(t, 20);
    await (await as(t.a)).authorizations.decline({ number: placed.number, feedback: 'Ask Max to raise your limit.' });
    await db()
      .update(spendingLimits)
      .set({ limitMinor: 1_000_000 })
      .where(eq(spendingLimits.membershipId, t.requester.membership.id));
    const again = await (await as(t.requester)).checkout.resubmit({ number: placed.number });
    expect(again.status).toBe('payment_authorized');
    expect((await trpcErrorOf((await as(t.requester)).checkout.resubmit({ number: placed.number }))).code).toBe(
      'CONFLICT',
    );
  });

  it('waits for the new steps when they still apply; nobody else may resubmit it', async () => {
    const placed = await order(t, 20);
    await (await as(t.a)).authorizations.decline({ number: placed.number, feedback: 'Try again tomorrow.' });
    expect((await trpcErrorOf((await as(t.a)).checkout.resubmit({ number: placed.number }))).code).toBe('FORBIDDEN');
    const again = await (await as(t.requester)).checkout.resubmit({ number: placed.number });
    expect(again.status).toBe('pending_approval');
    expect(await inboxOf(t.a, placed)).toEqual(['pending']);
  });
});

describe('canceling an order that waits for approval', () => {
  it('takes it out of the authorizers’ inboxes', async () => {
    const placed = await order(t, 20);
    expect(await (await as(t.a)).authorizations.waitingCount()).toBe(1);
    await (await as(t.requester)).orders.cancel({ number: placed.number, reason: 'Ordered the wrong size.' });
    expect(await (await as(t.a)).authorizations.waitingCount()).toBe(0);
    expect(await inboxOf(t.a, placed)).toEqual([]);
    const steps = await db().select().from(approvalSteps).where(eq(approvalSteps.orderId, placed.id));
    expect(steps.map((step) => step.status)).toEqual(['void']);
  });
});

describe('the requester’s view of the approvals', () => {
  it('shows each step with who decided, when and why, on the order page', async () => {
    const placed = await order(t, 60);
    await (await as(t.b)).authorizations.approve({ number: placed.number, feedback: 'Within budget.' });
    const seen = await (await as(t.requester)).orders.get({ number: placed.number });
    expect(seen.approvals).toMatchObject([
      {
        tier: 1,
        status: 'approved',
        decidedBy: 'Ben Approver',
        feedback: 'Within budget.',
        authorizers: [{ name: 'Ann Approver', isYou: false }, { name: 'Ben Approver' }],
      },
      { tier: 2, status: 'pending', decidedBy: null, authorizers: [{ name: 'Cat Controller' }] },
    ]);
  });
});
