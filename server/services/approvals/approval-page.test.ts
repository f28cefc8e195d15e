import { beforeEach, describe, expect, it } from 'vitest';
import {
  authorizerDelegations,
  spendingLimitAuthorizers,
  spendingLimits,
  type Organization,
  type Product,
} from '@/db/schema';
import { createProduct, givePriceList } from '@/server/testing/catalog';
import { setupTestDatabase } from '@/server/testing/database';
import { createCaller, createMember, createOrganization, signIn, type Member } from '@/server/testing/factories';
import { placeOrder, readyToOrder } from '@/server/testing/orders';
import { lockOrder, moveOrder } from '../orders/transition';

/**
 * What the authorizer-facing pages read beyond the core: whether the viewer may cancel their
 * decision (the approval page's "Cancel my decision"), which decision was theirs, and on whose
 * behalf a delegate's inbox row stands.
 */
const database = setupTestDatabase();
const db = () => database.db;
const DAY = 86_400_000;

type Team = {
  organization: Organization;
  addressId: string;
  product: Product;
  requester: Member;
  ann: Member;
  ben: Member;
  dana: Member;
};

const authorizer = (organization: Organization, name: string) =>
  createMember(db(), organization, { roles: ['authorizer'], mayAuthorizeOrders: true, user: { name } });
const as = async (member: Member) => createCaller(await signIn(db(), member.membership));

/** Rob's orders over 1,000.00 need Ann or Ben. Ann is away this week; Dana stands in for her. */
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
  const [ann, ben, dana] = [
    await authorizer(organization, 'Ann Approver'),
    await authorizer(organization, 'Ben Approver'),
    await authorizer(organization, 'Dana Delegate'),
  ];
  const [limit] = await db()
    .insert(spendingLimits)
    .values({
      organizationId: organization.id,
      membershipId: requester.membership.id,
      limitMinor: 100_000,
      createdAt: new Date(),
    })
    .returning();
  await db()
    .insert(spendingLimitAuthorizers)
    .values([ann, ben].map((person) => ({ limitId: limit?.id ?? '', membershipId: person.membership.id })));
  const now = Date.now();
  await db()
    .insert(authorizerDelegations)
    .values({
      membershipId: ann.membership.id,
      delegateMembershipId: dana.membership.id,
      startsAt: new Date(now - DAY),
      endsAt: new Date(now + 6 * DAY),
      createdAt: new Date(now - DAY),
    });
  return { organization, addressId: address.id, product, requester, ann, ben, dana };
}

let t: Team;
beforeEach(async () => {
  t = await team();
});

describe('the approval page’s data', () => {
  it('names the authorizer a delegate stands in for, in the delegate’s inbox', async () => {
    const placed = await placeOrder(db(), t.requester, { lines: [[t.product, 20]], addressId: t.addressId });
    const delegated = await (await as(t.dana)).authorizations.inbox({ state: 'pending' });
    expect(delegated.rows).toMatchObject([{ number: placed.number, onBehalfOf: true, onBehalfOfName: 'Ann Approver' }]);
    const own = await (await as(t.ben)).authorizations.inbox({ state: 'pending' });
    expect(own.rows).toMatchObject([{ number: placed.number, onBehalfOf: false, onBehalfOfName: null }]);
  });

  it('shows "approved by Dana on behalf of Ann", marks it as Dana’s, and offers only Dana to cancel it', async () => {
    const placed = await placeOrder(db(), t.requester, { lines: [[t.product, 20]], addressId: t.addressId });
    expect(await (await as(t.dana)).authorizations.order({ number: placed.number })).toMatchObject({
      canDecide: true,
      mayCancelDecision: false,
    });

    await (await as(t.dana)).authorizations.approve({ number: placed.number, feedback: 'Covered for Ann.' });
    const danaView = await (await as(t.dana)).authorizations.order({ number: placed.number });
    expect(danaView).toMatchObject({
      canDecide: false,
      mayCancelDecision: true,
      steps: [
        {
          status: 'approved',
          decidedBy: 'Dana Delegate',
          onBehalfOf: 'Ann Approver',
          decidedByYou: true,
          feedback: 'Covered for Ann.',
        },
      ],
    });
    const benView = await (await as(t.ben)).authorizations.order({ number: placed.number });
    expect(benView).toMatchObject({ canDecide: false, mayCancelDecision: false, steps: [{ decidedByYou: false }] });
    expect(benView.whyNot).toMatch(/^Already approved by Dana Delegate at /);
  });

  it('stops offering "cancel my decision" once the order is released to fulfillment', async () => {
    const placed = await placeOrder(db(), t.requester, { lines: [[t.product, 20]], addressId: t.addressId });
    await (await as(t.ben)).authorizations.decline({ number: placed.number, feedback: 'Not this month.' });
    expect((await (await as(t.ben)).authorizations.order({ number: placed.number })).mayCancelDecision).toBe(true);
    await (await as(t.ben)).authorizations.cancelDecision({ number: placed.number });
    await (await as(t.ben)).authorizations.approve({ number: placed.number });
    expect((await (await as(t.ben)).authorizations.order({ number: placed.number })).mayCancelDecision).toBe(true);

    await db().transaction(async (tx) =>
      moveOrder(tx, await lockOrder(tx, placed.id), 'release', {
        now: new Date(),
        actorUserId: null,
        message: 'Released.',
      }),
    );
    expect((await (await as(t.ben)).authorizations.order({ number: placed.number })).mayCancelDecision).toBe(false);
  });

  it('gives a member who may not see prices no amounts in the inbox or on the page', async () => {
    const quiet = await createMember(db(), t.organization, {
      roles: ['authorizer'],
      mayAuthorizeOrders: true,
      maySeePrices: false,
      user: { name: 'Quinn Quiet' },
    });
    const [limit] = await db()
      .insert(spendingLimits)
      .values({
        organizationId: t.organization.id,
        membershipId: t.requester.membership.id,
        limitMinor: 200_000,
        createdAt: new Date(),
      })
      .returning();
    await db()
      .insert(spendingLimitAuthorizers)
      .values({ limitId: limit?.id ?? '', membershipId: quiet.membership.id });
    const placed = await placeOrder(db(), t.requester, { lines: [[t.product, 30]], addressId: t.addressId });
    const caller = await as(quiet);
    // Quinn's limit is the second tier: the order waits for Ann or Ben first.
    const row = (await caller.authorizations.inbox({ state: 'waiting' })).rows[0];
    expect(row).toMatchObject({ number: placed.number, itemCount: 30 });
    expect(row).not.toHaveProperty('total');
    const page = await caller.authorizations.order({ number: placed.number });
    expect(page.order).not.toHaveProperty('totals');
    expect(page.order.lines[0]).not.toHaveProperty('unitPriceMinor');
  });
});
