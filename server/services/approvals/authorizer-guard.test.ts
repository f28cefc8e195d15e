import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { memberDetail } from '@/db/queries/members';
import { membershipRoles, roles, type Order, type Organization, type Product, type Role } from '@/db/schema';
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
  buyer: Member;
  dana: Member;
  eli: Member;
  director: Role;
};

const as = async (member: Member) => createCaller(await signIn(db(), member.membership));

/**
 * Dana holds the authorizer role and the custom role "Director", which the rule "Big orders"
 * (over 1,000.00 USD) names as its approvers; Eli may authorize too but has nothing to decide.
 */
async function team(): Promise<Team> {
  const organization = await createOrganization(db());
  const list = await givePriceList(db(), organization);
  const { address } = await readyToOrder(db(), organization);
  const product = await createProduct(db(), { prices: [[list, 10_000]], onHand: 1_000 });
  const admin = await createMember(db(), organization, {
    ...ACCOUNT_MANAGER,
    shopAccountRole: 'account_manager',
    user: { name: 'Ada Admin' },
  });
  const buyer = await createMember(db(), organization, {
    roles: ['buyer'],
    mayOrder: true,
    user: { name: 'Rob Requester' },
  });
  const dana = await createMember(db(), organization, {
    roles: ['authorizer'],
    mayAuthorizeOrders: true,
    user: { name: 'Dana Director' },
  });
  const eli = await createMember(db(), organization, {
    roles: ['authorizer'],
    mayAuthorizeOrders: true,
    user: { name: 'Eli Else' },
  });
  const [director] = await db()
    .insert(roles)
    .values({ organizationId: organization.id, side: 'buyer', name: 'Director', permissions: ['orders.approve'] })
    .returning();
  if (!director) throw new Error('role');
  await db().insert(membershipRoles).values({ membershipId: dana.membership.id, roleId: director.id });
  await (
    await as(admin)
  ).approvalRules.create({
    name: 'Big orders',
    active: true,
    tier: 1,
    conditions: [{ field: 'order_total', comparator: '>', value: '1,000' }],
    appliesTo: { kind: 'everyone', roleIds: [], unitIds: [] },
    approvers: { kind: 'role', roleId: director.id, membershipIds: [] },
  });
  return { organization, addressId: address.id, product, admin, buyer, dana, eli, director };
}

/** The members form as it stands for `member`, with changes. */
async function memberInput(
  t: Team,
  member: Member,
  changes: { mayAuthorizeOrders?: boolean; roleIds?: string[] } = {},
) {
  const detail = await memberDetail(db(), t.organization.id, member.membership.id);
  if (!detail) throw new Error('member');
  const m = detail.membership;
  return {
    membershipId: m.id,
    name: detail.user.name,
    email: detail.user.email,
    unitId: m.unitId,
    roleIds: changes.roleIds ?? detail.roles.map((role) => role.id),
    mayOrder: m.mayOrder,
    maySeePrices: m.maySeePrices,
    maySeeStock: m.maySeeStock,
    mayAuthorizeOrders: changes.mayAuthorizeOrders ?? m.mayAuthorizeOrders,
    hasLimitedBudget: m.hasLimitedBudget,
  };
}

let t: Team;
let orders: Order[];
let message: string;
beforeEach(async () => {
  t = await team();
  orders = [
    await placeOrder(db(), t.buyer, { lines: [[t.product, 11]], addressId: t.addressId }),
    await placeOrder(db(), t.buyer, { lines: [[t.product, 12]], addressId: t.addressId }),
  ];
  message = `Dana Director still has orders to decide: ${orders
    .map((order) => order.number)
    .sort()
    .join(', ')}. Decide them or ask someone to decide them first.`;
});

async function decideAll() {
  const dana = await as(t.dana);
  await dana.authorizations.approve({ number: orders[0]?.number ?? '' });
  await dana.authorizations.decline({ number: orders[1]?.number ?? '', feedback: 'Not this quarter.' });
}

describe('a member who still has orders to decide', () => {
  it('keeps “may authorize orders” until the orders are decided; the refusal names them beside the flag', async () => {
    const admin = await as(t.admin);
    const refused = await trpcErrorOf(
      admin.members.update(await memberInput(t, t.dana, { mayAuthorizeOrders: false })),
    );
    expect(refused).toMatchObject({ code: 'PRECONDITION_FAILED', message });
    expect(refused.cause).toMatchObject({ fieldErrors: { mayAuthorizeOrders: [message] } });
    expect((await memberDetail(db(), t.organization.id, t.dana.membership.id))?.membership.mayAuthorizeOrders).toBe(
      true,
    );

    // Other edits of the same member go through meanwhile.
    await admin.members.update({ ...(await memberInput(t, t.dana)), name: 'Dana Director' });
    await decideAll();
    await admin.members.update(await memberInput(t, t.dana, { mayAuthorizeOrders: false }));
  });

  it('cannot be deactivated until the orders are decided', async () => {
    const admin = await as(t.admin);
    const refused = await trpcErrorOf(
      admin.members.setActivated({ membershipId: t.dana.membership.id, activated: false }),
    );
    expect(refused).toMatchObject({ code: 'PRECONDITION_FAILED', message });
    await admin.members.setActivated({ membershipId: t.eli.membership.id, activated: false });
    await decideAll();
    await admin.members.setActivated({ membershipId: t.dana.membership.id, activated: false });
  });

  it('keeps the role that makes them an approver, and the last role that lets them approve, until the orders are decided', async () => {
    const admin = await as(t.admin);
    const detail = await memberDetail(db(), t.organization.id, t.dana.membership.id);
    const authorizerRole = detail?.roles.find((role) => role.key === 'authorizer')?.id ?? '';
    // Without "Director" Dana could still approve (authorizer role), but no longer under "Big orders".
    const withoutDirector = await trpcErrorOf(
      admin.members.update(await memberInput(t, t.dana, { roleIds: [authorizerRole] })),
    );
    expect(withoutDirector.cause).toMatchObject({ fieldErrors: { roleIds: [message] } });
    // Without any role that approves, Dana could decide nothing at all.
    const withoutAny = await trpcErrorOf(admin.members.update(await memberInput(t, t.dana, { roleIds: [] })));
    expect(withoutAny.message).toBe(message);
    // Removing the authorizer role alone keeps Director (and with it the power to approve): allowed.
    await admin.members.update(await memberInput(t, t.dana, { roleIds: [t.director.id] }));

    await decideAll();
    await admin.members.update(await memberInput(t, t.dana, { roleIds: [] }));
    expect(
      await db().select().from(membershipRoles).where(eq(membershipRoles.membershipId, t.dana.membership.id)),
    ).toEqual([]);
  });

  it('only counts orders that still wait: a decided or canceled order does not hold anyone back', async () => {
    const admin = await as(t.admin);
    await (await as(t.buyer)).orders.cancel({ number: orders[0]?.number ?? '', reason: 'Ordered twice.' });
    const refused = await trpcErrorOf(
      admin.members.setActivated({ membershipId: t.dana.membership.id, activated: false }),
    );
    expect(refused.message).toBe(
      `Dana Director still has orders to decide: ${orders[1]?.number}. Decide them or ask someone to decide them first.`,
    );
    await (await as(t.dana)).authorizations.approve({ number: orders[1]?.number ?? '' });
    await admin.members.setActivated({ membershipId: t.dana.membership.id, activated: false });
  });
});
