import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import {
  approvalInbox,
  spendingLimitAuthorizers,
  spendingLimits,
  type Order,
  type Organization,
  type Product,
} from '@/db/schema';
import { createProduct, givePriceList } from './catalog';
import { ACCOUNT_MANAGER, createMember, createOrganization, type Member } from './factories';
import { placeOrder, readyToOrder } from './orders';

/** An organization whose requester has two spending limits, for the reminder and escalation tests. */
export type ApprovalTeam = {
  organization: Organization;
  addressId: string;
  product: Product;
  requester: Member;
  a: Member;
  b: Member;
  c: Member;
  manager: Member;
};

const authorizer = (db: Database, organization: Organization, name: string) =>
  createMember(db, organization, { roles: ['authorizer'], mayAuthorizeOrders: true, user: { name } });

/** Over 1,000.00 Ann or Ben approves, over 5,000.00 then Cat too; Max is the account manager. A product at 100.00. */
export async function approvalTeam(db: Database): Promise<ApprovalTeam> {
  const organization = await createOrganization(db);
  const list = await givePriceList(db, organization);
  const { address } = await readyToOrder(db, organization);
  const product = await createProduct(db, { prices: [[list, 10_000]], onHand: 1_000 });
  const requester = await createMember(db, organization, {
    roles: ['buyer'],
    mayOrder: true,
    hasLimitedBudget: true,
    user: { name: 'Rob Requester' },
  });
  const [a, b, c] = [
    await authorizer(db, organization, 'Ann Approver'),
    await authorizer(db, organization, 'Ben Approver'),
    await authorizer(db, organization, 'Cat Controller'),
  ];
  const manager = await createMember(db, organization, { ...ACCOUNT_MANAGER, user: { name: 'Max Manager' } });
  const limit = async (limitMinor: number, people: Member[]) => {
    const [row] = await db
      .insert(spendingLimits)
      .values({
        organizationId: organization.id,
        membershipId: requester.membership.id,
        limitMinor,
        createdAt: new Date(),
      })
      .returning();
    await db
      .insert(spendingLimitAuthorizers)
      .values(people.map((person) => ({ limitId: row?.id ?? '', membershipId: person.membership.id })));
  };
  await limit(100_000, [a, b]);
  await limit(500_000, [c]);
  return { organization, addressId: address.id, product, requester, a, b, c, manager };
}

/** The requester orders `quantity` of the team's product (100.00 each). */
export const teamOrder = (db: Database, team: ApprovalTeam, quantity: number) =>
  placeOrder(db, team.requester, { lines: [[team.product, quantity]], addressId: team.addressId });

/** The moment `hours` after the order was submitted. */
export const hoursAfter = (order: Order, hours: number) => new Date(order.submittedAt.getTime() + hours * 3_600_000);

/** The states of the member's inbox rows for the order. */
export async function inboxStates(db: Database, member: Member, order: Order) {
  const rows = await db
    .select({ state: approvalInbox.state })
    .from(approvalInbox)
    .where(and(eq(approvalInbox.membershipId, member.membership.id), eq(approvalInbox.orderId, order.id)));
  return rows.map((row) => row.state);
}
