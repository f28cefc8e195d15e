import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { customerAccounts, orders, orderStatus } from '@/db/schema';
import { createProduct, givePriceList } from '@/server/testing/catalog';
import { setupTestDatabase } from '@/server/testing/database';
import { createMember, createOrganization } from '@/server/testing/factories';
import { placeOrder, readyToOrder } from '@/server/testing/orders';
import { openBalanceMinor, OWED_STATUSES } from './credit';

const database = setupTestDatabase();

/** The open balance by its definition: every unpaid bill-me order in an owed status, added up. */
async function owedBySum(organizationId: string): Promise<number> {
  const [row] = await database.db.execute<{ owed: string }>(sql`
    select coalesce(sum(total_minor), 0) as owed from orders
    where organization_id = ${organizationId} and payment_method = 'on_account' and settled_at is null
      and status in (${sql.join(
        OWED_STATUSES.map((status) => sql`${status}::order_status`),
        sql`, `,
      )})`);
  return Number(row?.owed ?? 0);
}

async function buyerWithOrders(count: number) {
  const organization = await createOrganization(database.db);
  const list = await givePriceList(database.db, organization);
  const { address } = await readyToOrder(database.db, organization);
  const member = await createMember(database.db, organization, { roles: ['buyer'], mayOrder: true });
  const product = await createProduct(database.db, { prices: [[list, 1_250]], onHand: 1_000 });
  const placed = [];
  for (let n = 1; n <= count; n++)
    placed.push(await placeOrder(database.db, member, { lines: [[product, n]], addressId: address.id }));
  return { organization, placed };
}

/** The running balance the trigger keeps, which the submit reads. */
const kept = (organizationId: string) => openBalanceMinor(database.db, organizationId);

describe('the open balance kept on the customer account', () => {
  it('equals the unpaid bill-me orders added up, through every status an order can take', async () => {
    const { organization, placed } = await buyerWithOrders(3);
    expect(await owedBySum(organization.id)).toBeGreaterThan(0);
    expect(await kept(organization.id)).toBe(await owedBySum(organization.id));

    const [order] = placed;
    if (!order) throw new Error('no order');
    for (const status of orderStatus.enumValues) {
      await database.db.update(orders).set({ status }).where(eq(orders.id, order.id));
      expect(await kept(organization.id), status).toBe(await owedBySum(organization.id));
    }
  });

  it('follows payment, a changed total, another payment method and a deleted order', async () => {
    const { organization, placed } = await buyerWithOrders(3);
    const [first, second, third] = placed;
    if (!first || !second || !third) throw new Error('no orders');
    const check = async () => expect(await kept(organization.id)).toBe(await owedBySum(organization.id));

    await database.db.update(orders).set({ settledAt: new Date() }).where(eq(orders.id, first.id));
    await check();
    await database.db.update(orders).set({ settledAt: null }).where(eq(orders.id, first.id));
    await check();
    await database.db
      .update(orders)
      .set({ totalMinor: second.totalMinor + 500, subtotalMinor: second.subtotalMinor + 500 })
      .where(eq(orders.id, second.id));
    await check();
    await database.db.update(orders).set({ paymentMethod: 'cod' }).where(eq(orders.id, third.id));
    await check();
    await database.db.execute(sql`delete from orders where id = ${second.id}`);
    await check();
  });

  it('starts an account opened later from what the organization already owes', async () => {
    const { organization } = await buyerWithOrders(2);
    const owed = await owedBySum(organization.id);
    await database.db.delete(customerAccounts).where(eq(customerAccounts.organizationId, organization.id));
    await readyToOrder(database.db, organization);
    expect(await kept(organization.id)).toBe(owed);
  });
});
