import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { emailOutbox, orders, type Organization } from '@/db/schema';
import { createProduct, givePriceList } from '@/server/testing/catalog';
import { setupTestDatabase } from '@/server/testing/database';
import { createCaller, createMember, createOrganization, signIn, type Member } from '@/server/testing/factories';
import { placeOrder, readyToOrder } from '@/server/testing/orders';

const database = setupTestDatabase();

let seller: Organization;
let admin: Member;

type Caller = ReturnType<typeof createCaller>;

/** Every row of a paged list, page after page, as a person following the pager would see them. */
async function allRows(load: (page: number) => Promise<{ rows: unknown[]; hasNext: boolean }>): Promise<number> {
  let total = 0;
  for (let page = 1; ; page++) {
    const result = await load(page);
    total += result.rows.length;
    if (!result.hasNext) return total;
  }
}

/** The number of rows the list behind each dashboard card shows, read through the list's own procedure. */
async function listedRows(api: Caller) {
  return {
    registrations: await allRows(async (page) => {
      const list = await api.registrations.list({ status: 'pending_approval', page, pageSize: 100 });
      return { rows: list.rows, hasNext: page * 100 < list.total };
    }),
    paymentReviews: await allRows((page) => api.staffOrders.paymentQueue({ page, pageSize: 100 })),
    toRelease: await allRows((page) => api.staffOrders.list({ status: 'payment_authorized', page, pageSize: 100 })),
    backorders: await allRows((page) => api.staffOrders.list({ status: 'backordered', page, pageSize: 100 })),
    failedCaptures: await allRows((page) => api.staffOrders.list({ captureFailed: true, page, pageSize: 100 })),
    batchesInProgress: await allRows((page) => api.fulfillment.batches({ open: true, page, pageSize: 100 })),
    failedEmails: (await api.staff.outbox({ failedOnly: true })).length,
  };
}

beforeAll(async () => {
  const db = database.db;
  seller = await createOrganization(db, { kind: 'seller' });
  admin = await createMember(db, seller, { roles: ['seller_admin'] });
  // Something in each queue, so a count that ignored its condition would differ from its list.
  await createOrganization(db, { status: 'pending_approval' });
  const buyers = await createOrganization(db);
  const list = await givePriceList(db, buyers);
  const { address } = await readyToOrder(db, buyers);
  const plenty = await createProduct(db, { prices: [[list, 1_000]], onHand: 1_000 });
  const scarce = await createProduct(db, { prices: [[list, 1_000]], onHand: 1 });
  const buyer = await createMember(db, buyers, { roles: ['buyer'], mayOrder: true, maySeePrices: true });
  const order = (product = plenty, quantity = 1) =>
    placeOrder(db, buyer, { lines: [[product, quantity]], addressId: address.id });
  await order();
  await order(scarce, 5);
  const reviewed = await order();
  await db.update(orders).set({ status: 'payment_review' }).where(eq(orders.id, reviewed.id));
  const failed = await order();
  await db.update(orders).set({ status: 'shipped', paymentStatus: 'capture_failed' }).where(eq(orders.id, failed.id));
  await db.insert(emailOutbox).values([
    { kind: 'test', toAddress: 'nobody@example.test', props: {}, status: 'failed', attempts: 8, lastError: 'refused' },
    { kind: 'test', toAddress: 'later@example.test', props: {}, status: 'pending' },
  ]);
});

describe('staff.queueCounts', () => {
  it('counts each queue exactly as many rows as the filtered list its card links to', async () => {
    const api = createCaller(await signIn(database.db, admin.membership));
    const counts = await api.staff.queueCounts();
    const byKey = Object.fromEntries(counts.map((queue) => [queue.key, queue.count]));
    expect(byKey).toEqual(await listedRows(api));
    for (const key of ['registrations', 'paymentReviews', 'toRelease', 'backorders', 'failedCaptures', 'failedEmails'])
      expect(byKey[key], key).toBeGreaterThan(0);
  });

  it('follows new work at once (live counts)', async () => {
    const api = createCaller(await signIn(database.db, admin.membership));
    const before = (await api.staff.queueCounts()).find((queue) => queue.key === 'registrations')?.count ?? 0;
    await createOrganization(database.db, { status: 'pending_approval' });
    const after = (await api.staff.queueCounts()).find((queue) => queue.key === 'registrations')?.count;
    expect(after).toBe(before + 1);
  });

  it('leaves out, uncounted, the queues a member of staff may not work', async () => {
    const clerk = await createMember(database.db, seller, { roles: ['fulfillment_clerk'] });
    const counts = await createCaller(await signIn(database.db, clerk.membership)).staff.queueCounts();
    const visible = counts.filter((queue) => queue.count !== null).map((queue) => queue.key);
    // A clerk sees orders and fulfillment, not registrations, payment reviews or the email outbox.
    expect(visible).toEqual(['toRelease', 'backorders', 'batchesInProgress', 'failedCaptures']);
  });
});
