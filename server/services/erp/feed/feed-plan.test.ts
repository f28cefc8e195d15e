import { sql, type SQLWrapper } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { FEED_START } from '@/server/domain/erp/feed-cursor';
import { setupTestDatabase } from '@/server/testing/database';
import { createProduct } from '@/server/testing/catalog';
import { createMember, createOrganization } from '@/server/testing/factories';
import { feedPageQuery, partsQueries, settledTailQuery } from './feed';

/**
 * The feed's queries on an orders table of realistic size: they must walk orders_change_idx (and
 * the order-id indexes of the child tables), never read the whole orders table.
 */
const database = setupTestDatabase();
const ORDERS = 100_000;
const BATCH = 10_000;
/** Far above every change: as if all of them had settled, the feed's usual state. */
const HORIZON = 1_000_000_000_000;
let sampleIds: string[] = [];

beforeAll(async () => {
  const db = database.db;
  const organization = await createOrganization(db);
  const member = await createMember(db, organization, { roles: ['buyer'], mayOrder: true });
  const product = await createProduct(db);
  // One order in ten waits for approval, one in seventeen is declined; each was changed by its own transaction.
  // Bulk rows skip the foreign-key triggers (session_replication_role): they reference rows made above.
  // Short transactions: the feed tests of other files wait for every running transaction to end.
  for (let from = 1; from <= ORDERS; from += BATCH) {
    const to = Math.min(ORDERS, from + BATCH - 1);
    await db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`
        insert into orders (organization_id, unit_id, membership_id, user_id, status, idempotency_key, currency, subtotal_minor,
          shipping_minor, total_minor, item_count, sku_count, ship_to, shipping_method_code, shipping_method_name, payment_method,
          submitted_at, updated_at, change_xid)
        select ${organization.id}, ${organization.id}, ${member.membership.id}, ${member.user.id},
          (case when i % 10 = 0 then 'pending_approval' when i % 17 = 0 then 'declined' when i % 3 = 0 then 'shipped' else 'payment_authorized' end)::order_status,
          'bulk-' || i, 'USD', 1000, 0, 1000, 1, 1,
          '{"label":"Dock","recipient":"Receiving","addressLine1":"1 Dock Road","addressLine2":null,"city":"Portland","region":null,"postalCode":"97201","country":"US"}'::jsonb,
          'TEST', 'Test', 'on_account', now(), now(), 1000 + i
        from generate_series(${from}::int, ${to}::int) as i`);
      const batch = sql`change_xid between ${1000 + from} and ${1000 + to}`;
      await tx.execute(sql`
        insert into order_lines (order_id, line_number, product_id, sku, name, unit, quantity, unit_price_minor, line_total_minor)
        select id, 1, ${product.id}, ${product.sku}, 'Bulk item', 'each', 1, 500, 500 from orders where ${batch}`);
      await tx.execute(
        sql`insert into order_events (order_id, at, kind, message) select id, now(), 'submitted', 'Order submitted.' from orders where ${batch}`,
      );
    });
  }
  await db.execute(sql`analyze orders`);
  await db.execute(sql`analyze order_lines`);
  await db.execute(sql`analyze order_events`);
  const sample = await db.execute<{ id: string }>(
    sql`select id from orders where change_xid > ${1000 + ORDERS / 2} order by change_xid limit 100`,
  );
  sampleIds = sample.map((row) => row.id);
}, 120_000);

async function plan(query: SQLWrapper): Promise<string> {
  const rows = await database.db.execute<{ 'QUERY PLAN': string }>(sql`explain (analyze, costs off) ${query}`);
  return rows.map((row) => row['QUERY PLAN']).join('\n');
}

describe(`the feed's queries over ${ORDERS.toLocaleString('en')} orders`, () => {
  it.each([
    ['from the beginning', FEED_START],
    ['from the middle', { changeXid: 1000 + ORDERS / 2, orderId: '00000000-0000-0000-0000-000000000000' }],
    ['at the end', { changeXid: 1000 + ORDERS, orderId: 'ffffffff-ffff-ffff-ffff-ffffffffffff' }],
  ])('a page %s walks orders_change_idx', async (_label, position) => {
    const text = await plan(feedPageQuery(database.db, position, HORIZON, 501));
    expect(text).toContain('orders_change_idx');
    expect(text).not.toMatch(/Seq Scan on orders/);
    expect(text).not.toMatch(/Sort/);
  });

  it('the settled tail is one step backwards on orders_change_idx', async () => {
    const text = await plan(
      settledTailQuery(
        database.db,
        { changeXid: 1000 + ORDERS / 2, orderId: '00000000-0000-0000-0000-000000000000' },
        HORIZON,
      ),
    );
    expect(text).toMatch(
      /Index Only Scan Backward using orders_change_idx|Index Scan Backward using orders_change_idx/,
    );
    expect(text).not.toMatch(/Seq Scan on orders/);
  });

  it("a page's lines, packages and decisions are looked up by order id", async () => {
    expect(sampleIds).toHaveLength(100);
    const queries = partsQueries(database.db, sampleIds);
    // Lines and history have a row per order here; packages are empty, so any plan reads nothing.
    for (const query of [queries.lines, queries.decisions])
      expect(await plan(query)).toMatch(/Index (Only )?Scan (using|on) order_(lines|events)_/);
    for (const query of [queries.lines, queries.packages, queries.packageLines, queries.decisions]) {
      expect(await plan(query)).not.toMatch(/Seq Scan on (orders|order_lines|order_events)\b/);
    }
  });
});
