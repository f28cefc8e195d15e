import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { inventory } from '@/db/schema';
import { lockTenant } from '@/server/services/organizations/tenant-lock';
import { createProduct, givePriceList } from '@/server/testing/catalog';
import { setupTestDatabase } from '@/server/testing/database';
import { createCaller, createMember, createOrganization, signIn } from '@/server/testing/factories';
import { raceBehindLock, valuesOf } from '@/server/testing/locks';
import { readyToOrder, TEST_SHIPPING } from '@/server/testing/orders';

const database = setupTestDatabase();

describe('two submits of one organization at once', () => {
  // The submit's read is sent after the organization's lock, in the same flight: the second submit
  // must read once the first has committed (its stock taken), not from before it waited.
  it('queue on the organization and both finish, without a deadlock: the last unit goes to one, the other is backordered', async () => {
    const organization = await createOrganization(database.db);
    const list = await givePriceList(database.db, organization);
    const { address } = await readyToOrder(database.db, organization);
    const last = await createProduct(database.db, { prices: [[list, 100]], onHand: 1 });
    const submits = await Promise.all(
      [0, 1].map(async () => {
        const member = await createMember(database.db, organization, { roles: ['buyer'], mayOrder: true });
        const caller = createCaller(await signIn(database.db, member.membership));
        await caller.cart.add({ sku: last.sku, quantity: 1 });
        return () =>
          caller.checkout.submit({
            idempotencyKey: randomUUID(),
            addressId: address.id,
            shippingMethodCode: TEST_SHIPPING.code,
            paymentMethod: 'on_account',
          });
      }),
    );
    const outcomes = await raceBehindLock(database.db, (blocker) => lockTenant(blocker, organization.id), submits);
    const results = valuesOf(outcomes);
    expect(results.map((result) => result.status).sort()).toEqual(['backordered', 'payment_authorized']);
    const [stock] = await database.db.select().from(inventory).where(eq(inventory.productId, last.id));
    expect(stock).toMatchObject({ onHand: 1, allocated: 1 });
  });
});
