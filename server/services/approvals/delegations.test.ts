import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  approvalSteps,
  authorizerDelegations,
  memberships,
  orderEvents,
  spendingLimitAuthorizers,
  spendingLimits,
  type Order,
  type Organization,
  type Product,
} from '@/db/schema';
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
import { emailsTo } from '@/server/testing/onboarding';
import { placeOrder, readyToOrder } from '@/server/testing/orders';

const database = setupTestDatabase();
const db = () => database.db;

const DAY = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

type Team = {
  organization: Organization;
  addressId: string;
  product: Product;
  requester: Member;
  ann: Member;
  carol: Member;
  dana: Member;
  manager: Member;
};

const authorizer = (organization: Organization, name: string) =>
  createMember(db(), organization, { roles: ['authorizer'], mayAuthorizeOrders: true, user: { name } });
const as = async (member: Member) => createCaller(await signIn(db(), member.membership));

/** Rob's orders over 1,000.00 need Ann; over 5,000.00 then Carol too. Dana may authorize and stands in. */
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
  const [ann, carol, dana] = [
    await authorizer(organization, 'Ann Approver'),
    await authorizer(organization, 'Carol Controller'),
    await authorizer(organization, 'Dana Delegate'),
  ];
  const manager = await createMember(db(), organization, { ...ACCOUNT_MANAGER, user: { name: 'Max Manager' } });
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
  await limit(100_000, [ann]);
  await limit(500_000, [carol]);
  return { organization, addressId: address.id, product, requester, ann, carol, dana, manager };
}

const order = (t: Team, quantity: number) =>
  placeOrder(db(), t.requester, { lines: [[t.product, quantity]], addressId: t.addressId });
const stepsOf = (o: Order) =>
  db().select().from(approvalSteps).where(eq(approvalSteps.orderId, o.id)).orderBy(approvalSteps.tier);

/** Dana, standing in for Carol, is emailed the order, finds it waiting, and approves step `index` on Carol's behalf. */
async function expectStandInDecides(placed: Order, index: number) {
  const [email] = await emailsTo(db(), t.dana.user.email, 'approval-requested');
  expect(email?.props).toMatchObject({ orderNumber: placed.number, onBehalfOf: 'Carol Controller' });
  const dana = await as(t.dana);
  expect(await dana.authorizations.waitingCount()).toBe(1);
  expect(await dana.authorizations.approve({ number: placed.number })).toMatchObject({ status: 'payment_authorized' });
  expect((await stepsOf(placed))[index]).toMatchObject({
    decidedByMembershipId: t.dana.membership.id,
    onBehalfOfMembershipId: t.carol.membership.id,
  });
}

let t: Team;
beforeEach(async () => {
  t = await team();
});

describe('out of office', () => {
  it('offers as stand-ins only other active members of the organization who may authorize orders', async () => {
    const buyer = await createMember(db(), t.organization, {
      roles: ['buyer'],
      mayOrder: true,
      user: { name: 'Bea Buyer' },
    });
    const flagOnly = await createMember(db(), t.organization, {
      roles: ['buyer'],
      mayAuthorizeOrders: true,
      user: { name: 'Fay Flag' },
    });
    const gone = await authorizer(t.organization, 'Gus Gone');
    await db().update(memberships).set({ activated: false }).where(eq(memberships.id, gone.membership.id));
    const elsewhere = await authorizer(await createOrganization(db()), 'Olga Other');

    const names = (await (await as(t.carol)).delegations.options()).map((option) => option.name);
    expect(names).toEqual(['Ann Approver', 'Dana Delegate', 'Max Manager']);
    for (const excluded of [buyer, flagOnly, gone, elsewhere]) expect(names).not.toContain(excluded.user.name);
  });

  it('names, replaces and clears a stand-in, refusing what does not make sense with a message beside the field', async () => {
    const carol = await as(t.carol);
    expect(await carol.delegations.get()).toBeNull();

    const refusals = [
      [
        { delegateMembershipId: t.carol.membership.id, startsAt: day(0), endsAt: day(3) },
        'delegateMembershipId',
        'You cannot stand in for yourself: choose someone else.',
      ],
      [
        { delegateMembershipId: t.requester.membership.id, startsAt: day(0), endsAt: day(3) },
        'delegateMembershipId',
        'Choose an active member of your organization who may authorize orders.',
      ],
      [
        { delegateMembershipId: t.dana.membership.id, startsAt: day(5), endsAt: day(2) },
        'endsAt',
        'The last day away cannot be before the first.',
      ],
      [
        { delegateMembershipId: t.dana.membership.id, startsAt: day(-9), endsAt: day(-2) },
        'endsAt',
        'That absence is already over: choose a last day from today on.',
      ],
      [
        { delegateMembershipId: t.dana.membership.id, startsAt: day(1), endsAt: day(120) },
        'endsAt',
        'An absence can last at most 90 days.',
      ],
    ] as const;
    for (const [input, field, message] of refusals) {
      const error = await trpcErrorOf(carol.delegations.set(input));
      expect(error).toMatchObject({ code: 'BAD_REQUEST', message });
      expect((error.cause as { fieldErrors?: Record<string, string[]> }).fieldErrors?.[field]).toEqual([message]);
    }
    expect(
      (
        await trpcErrorOf(
          carol.delegations.set({ delegateMembershipId: t.dana.membership.id, startsAt: 'soon', endsAt: day(2) }),
        )
      ).code,
    ).toBe('BAD_REQUEST');

    expect(
      await carol.delegations.set({ delegateMembershipId: t.dana.membership.id, startsAt: day(0), endsAt: day(4) }),
    ).toEqual({
      delegate: { membershipId: t.dana.membership.id, name: 'Dana Delegate' },
      startsAt: day(0),
      endsAt: day(4),
      state: 'active',
    });
    await carol.delegations.set({ delegateMembershipId: t.ann.membership.id, startsAt: day(7), endsAt: day(10) });
    expect(await carol.delegations.get()).toMatchObject({
      delegate: { name: 'Ann Approver' },
      startsAt: day(7),
      endsAt: day(10),
      state: 'upcoming',
    });
    expect(
      await db()
        .select()
        .from(authorizerDelegations)
        .where(eq(authorizerDelegations.membershipId, t.carol.membership.id)),
    ).toHaveLength(1);

    expect(await carol.delegations.clear()).toEqual({ cleared: true });
    expect(await carol.delegations.get()).toBeNull();
    expect(await carol.delegations.clear()).toEqual({ cleared: false });
  });

  it('is for authorizers only', async () => {
    const error = await trpcErrorOf((await as(t.requester)).delegations.get());
    expect(error).toMatchObject({ code: 'FORBIDDEN', message: 'You do not have permission to do this.' });
  });
});

describe('a delegated approval', () => {
  it('offers an order arriving during the absence to the stand-in, who approves it on behalf of the authorizer', async () => {
    await db()
      .update(spendingLimitAuthorizers)
      .set({ membershipId: t.carol.membership.id })
      .where(eq(spendingLimitAuthorizers.membershipId, t.ann.membership.id));
    await (
      await as(t.carol)
    ).delegations.set({ delegateMembershipId: t.dana.membership.id, startsAt: day(0), endsAt: day(3) });

    const placed = await order(t, 20);
    const dana = await as(t.dana);
    expect(await dana.authorizations.waitingCount()).toBe(1);
    expect((await dana.authorizations.inbox({ state: 'pending' })).rows).toEqual([
      expect.objectContaining({ number: placed.number, onBehalfOf: true }),
    ]);
    const [email] = await emailsTo(db(), t.dana.user.email, 'approval-requested');
    expect(email?.props).toMatchObject({ orderNumber: placed.number, onBehalfOf: 'Carol Controller' });

    expect(await dana.authorizations.approve({ number: placed.number })).toMatchObject({
      status: 'payment_authorized',
    });
    const [step] = await stepsOf(placed);
    expect(step).toMatchObject({
      status: 'approved',
      decidedByMembershipId: t.dana.membership.id,
      onBehalfOfMembershipId: t.carol.membership.id,
    });
    const [event] = await db()
      .select()
      .from(orderEvents)
      .where(and(eq(orderEvents.orderId, placed.id), eq(orderEvents.kind, 'approve')));
    expect(event?.message).toMatch(/^Approved by Dana Delegate on behalf of Carol Controller \(/);
    const seen = await (await as(t.carol)).authorizations.order({ number: placed.number });
    expect(seen.steps[0]).toMatchObject({ decidedBy: 'Dana Delegate', onBehalfOf: 'Carol Controller' });
  });

  it('does not offer orders arriving before the absence starts', async () => {
    await db()
      .update(spendingLimitAuthorizers)
      .set({ membershipId: t.carol.membership.id })
      .where(eq(spendingLimitAuthorizers.membershipId, t.ann.membership.id));
    await (
      await as(t.carol)
    ).delegations.set({ delegateMembershipId: t.dana.membership.id, startsAt: day(1), endsAt: day(3) });
    await order(t, 20);
    expect(await (await as(t.dana)).authorizations.waitingCount()).toBe(0);
  });

  it('offers a later tier that becomes pending during the absence to the stand-in', async () => {
    const placed = await order(t, 60);
    expect((await stepsOf(placed))[1]?.authorizers.map((person) => person.name)).toEqual(['Carol Controller']);
    await (
      await as(t.carol)
    ).delegations.set({ delegateMembershipId: t.dana.membership.id, startsAt: day(0), endsAt: day(3) });
    await (await as(t.ann)).authorizations.approve({ number: placed.number });

    const tier2 = (await stepsOf(placed))[1];
    expect(tier2?.authorizers).toEqual([
      { membershipId: t.carol.membership.id, name: 'Carol Controller' },
      {
        membershipId: t.dana.membership.id,
        name: 'Dana Delegate',
        onBehalfOf: { membershipId: t.carol.membership.id, name: 'Carol Controller' },
      },
    ]);
    await expectStandInDecides(placed, 1);
  });

  it('offers a step reopened during the absence (a canceled decision) to the stand-in', async () => {
    // Ann or Carol may approve Rob's orders over 1,000.00.
    const [first] = await db()
      .select()
      .from(spendingLimits)
      .where(and(eq(spendingLimits.membershipId, t.requester.membership.id), eq(spendingLimits.limitMinor, 100_000)));
    await db()
      .insert(spendingLimitAuthorizers)
      .values({ limitId: first?.id ?? '', membershipId: t.carol.membership.id });
    const placed = await order(t, 20);
    const ann = await as(t.ann);
    expect(await ann.authorizations.approve({ number: placed.number })).toMatchObject({ status: 'payment_authorized' });

    await (
      await as(t.carol)
    ).delegations.set({ delegateMembershipId: t.dana.membership.id, startsAt: day(0), endsAt: day(3) });
    expect(await ann.authorizations.cancelDecision({ number: placed.number })).toMatchObject({
      status: 'pending_approval',
    });

    await expectStandInDecides(placed, 0);
  });
});
