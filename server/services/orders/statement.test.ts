import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { orders, type Order, type Organization, type Product } from '@/db/schema';
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
import { placeOrder, readyToOrder, TEST_SHIPPING } from '@/server/testing/orders';
import { lockOrder, moveOrder } from './transition';

const database = setupTestDatabase();

let organization: Organization;
let manager: Member;
let buyer: Member;
let product: Product;
let addressId: string;

beforeAll(async () => {
  organization = await createOrganization(database.db);
  const list = await givePriceList(database.db, organization);
  addressId = (await readyToOrder(database.db, organization, { creditLimitMinor: 500_000 })).address.id;
  manager = await createMember(database.db, organization, ACCOUNT_MANAGER);
  buyer = await createMember(database.db, organization, { roles: ['buyer'], mayOrder: true });
  product = await createProduct(database.db, { prices: [[list, 10_000]], onHand: 100 });
});

const callerOf = async (member: Member) => createCaller(await signIn(database.db, member.membership));

/** Takes an order through release, shipping and the balance-payments job's deposit: it is invoiced. */
async function invoice(order: Order, at: Date): Promise<Order> {
  return database.db.transaction(async (tx) => {
    const note = (message: string) => ({ now: at, actorUserId: null, message });
    const released = await moveOrder(tx, await lockOrder(tx, order.id), 'release', note('Released.'), {
      releasedAt: at,
    });
    const shipped = await moveOrder(tx, released, 'ship_complete', note('Shipped.'), { shippedAt: at });
    return moveOrder(tx, shipped, 'deposit', note('Invoiced.'), { depositedAt: at, paymentStatus: 'captured' });
  });
}

describe('the account statement', () => {
  it('shows the credit line and the invoiced bill-me orders, open or paid', async () => {
    const first = await invoice(
      await placeOrder(database.db, buyer, { lines: [[product, 1]], addressId, poNumber: 'PO-FIRST' }),
      new Date('2026-11-02T10:00:00Z'),
    );
    const second = await invoice(
      await placeOrder(database.db, buyer, { lines: [[product, 2]], addressId }),
      new Date('2026-11-09T10:00:00Z'),
    );
    await database.db
      .update(orders)
      .set({ settledAt: new Date('2026-11-20T00:00:00Z'), updatedAt: new Date() })
      .where(eq(orders.id, first.id));
    const notYetInvoiced = await placeOrder(database.db, buyer, { lines: [[product, 1]], addressId });
    await placeOrder(database.db, buyer, { lines: [[product, 1]], addressId, paymentMethod: 'cod' });

    const caller = await callerOf(manager);
    const statement = await caller.orders.statement({});
    const owed = second.totalMinor + notYetInvoiced.totalMinor;
    expect(statement.account).toEqual({
      currency: 'USD',
      creditLimitMinor: 500_000,
      openBalanceMinor: owed,
      availableCreditMinor: 500_000 - owed,
      paymentTerms: 'NET 30',
    });
    expect(statement.invoices).toEqual([
      {
        number: second.number,
        orderedAt: second.submittedAt,
        invoicedAt: new Date('2026-11-09T10:00:00Z'),
        poNumber: null,
        amountMinor: 2 * 10_000 + TEST_SHIPPING.costMinor,
        currency: 'USD',
        paidAt: null,
        state: 'open',
      },
      {
        number: first.number,
        orderedAt: first.submittedAt,
        invoicedAt: new Date('2026-11-02T10:00:00Z'),
        poNumber: 'PO-FIRST',
        amountMinor: 10_000 + TEST_SHIPPING.costMinor,
        currency: 'USD',
        paidAt: new Date('2026-11-20T00:00:00Z'),
        state: 'paid',
      },
    ]);
    expect((await caller.orders.statement({ status: 'open' })).invoices.map((row) => row.number)).toEqual([
      second.number,
    ]);
    expect((await caller.orders.statement({ status: 'paid' })).invoices.map((row) => row.number)).toEqual([
      first.number,
    ]);
    const paged = await caller.orders.statement({ pageSize: 1 });
    expect(paged).toMatchObject({ hasNext: true, invoices: [{ number: second.number }] });
    expect(await caller.orders.statement({ page: 2, pageSize: 1 })).toMatchObject({
      hasNext: false,
      invoices: [{ number: first.number }],
    });
  });

  it('refuses members who do not see prices and the whole organization’s orders, with a clear message', async () => {
    const message = 'The account statement is for members who see prices and all of the organization’s orders.';
    expect(await trpcErrorOf((await callerOf(buyer)).orders.statement({}))).toMatchObject({
      code: 'FORBIDDEN',
      message,
    });
    const authorizer = await createMember(database.db, organization, {
      roles: ['authorizer'],
      mayAuthorizeOrders: true,
    });
    expect(await trpcErrorOf((await callerOf(authorizer)).orders.statement({}))).toMatchObject({
      code: 'FORBIDDEN',
      message,
    });
    const blindManager = await createMember(database.db, organization, { ...ACCOUNT_MANAGER, maySeePrices: false });
    expect(await trpcErrorOf((await callerOf(blindManager)).orders.statement({}))).toMatchObject({
      code: 'FORBIDDEN',
      message: 'You do not have permission to do this.',
    });
  });

  it('answers for an account not set up yet without inventing a credit line', async () => {
    const fresh = await createOrganization(database.db);
    const freshManager = await createMember(database.db, fresh, ACCOUNT_MANAGER);
    expect(await (await callerOf(freshManager)).orders.statement({})).toEqual({
      account: null,
      page: 1,
      hasNext: false,
      invoices: [],
    });
  });
});
