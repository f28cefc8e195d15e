import type postgres from 'postgres';
import { hashPassword } from '@/server/auth/password';
import type { Sql } from './database';
import type { DatasetPart } from './dataset';

/**
 * The large data set of the performance benchmark, seeded with set-based SQL into the normal
 * schema with every index, constraint and foreign key in place. Beside it, schema `bench` keeps
 * number → id maps (bench.orgs, bench.members, bench.products) so later measurements (the
 * approvals inbox of issue 6 …) can pick rows by number; see bench/dataset.ts for the parts.
 */
export const DATASET = {
  organizations: 200,
  membersPerOrganization: 100,
  products: 5_000,
  priceLists: 4,
  orders: Number(process.env.BENCH_ORDERS ?? 1_000_000),
  /** Orders of the history member, spread evenly over the others: every 100th of 1,000,000. */
  historyOrders: 10_000,
  years: 2,
  onHandPerCenter: 1_000_000,
  batch: 100_000,
} as const;

/** The password of every bench user, for looking around in a browser (one argon2 hash for all). */
export const BENCH_PASSWORD = 'countersign-bench';

/** Member numbers: 1–200 are each organization's account manager, the rest buyers. */
export const HISTORY_MEMBER_N = 201;
export const memberCount = () => DATASET.organizations * DATASET.membersPerOrganization;

type Log = (line: string) => void;

/** Runs one seeding step and logs how long it took. */
export async function step(log: Log, what: string, run: () => Promise<unknown>) {
  const started = performance.now();
  await run();
  log(`  ${what} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}

/** Seeds the orders data set into an empty (migrated) database. */
async function seedOrdersDataset(sql: Sql, log: Log): Promise<void> {
  log(
    `Seeding: ${DATASET.organizations} organizations, ${memberCount().toLocaleString('en')} members, ${DATASET.products.toLocaleString('en')} products, ${DATASET.orders.toLocaleString('en')} orders …`,
  );
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  await step(log, 'shipping methods, fulfillment centers, price lists', () => seedReference(sql));
  await step(
    log,
    `${DATASET.products} products with prices in ${DATASET.priceLists} lists and stock at 2 centers`,
    () => seedProducts(sql),
  );
  await step(log, `${DATASET.organizations} organizations with accounts, contracts, addresses`, () =>
    seedOrganizations(sql),
  );
  await step(log, `${memberCount()} users and members`, () => seedMembers(sql, passwordHash));
  await seedOrders(sql, log);
  await step(log, 'vacuum analyze', () => sql.unsafe('vacuum (analyze)'));
}

/** The first part of the bench data set: organizations, members, catalog, stock, orders. */
export const ordersDataset: DatasetPart = {
  name: 'orders',
  version: 1,
  size: {
    organizations: DATASET.organizations,
    members: memberCount(),
    products: DATASET.products,
    orders: DATASET.orders,
    historyOrders: DATASET.historyOrders,
  },
  seed: seedOrdersDataset,
};

/** Orders in batches, two at a time on their own connections (the machine has at least two cores). */
async function seedOrders(sql: Sql, log: Log) {
  const batches: [number, number][] = [];
  for (let lo = 1; lo <= DATASET.orders; lo += DATASET.batch)
    batches.push([lo, Math.min(DATASET.orders, lo + DATASET.batch - 1)]);
  const started = performance.now();
  let done = 0;
  const worker = async () => {
    for (let batch = batches.shift(); batch; batch = batches.shift()) {
      const [lo, hi] = batch;
      const lines = await seedOrderBatch(sql, lo, hi);
      done += hi - lo + 1;
      const elapsed = (performance.now() - started) / 1000;
      log(
        `  orders ${lo.toLocaleString('en')}–${hi.toLocaleString('en')} with ${lines.toLocaleString('en')} lines; ${Math.round((done / DATASET.orders) * 100)} % after ${elapsed.toFixed(0)} s, about ${Math.ceil((elapsed / done) * (DATASET.orders - done))} s to go`,
      );
    }
  };
  await Promise.all([worker(), worker()]);
}

/** Runs statements in one transaction without waiting for the WAL flush at commit (seeding only). */
export function bulk(sql: Sql, statements: (tx: postgres.TransactionSql) => Promise<unknown>) {
  return sql.begin(async (tx) => {
    await tx.unsafe('set local synchronous_commit = off');
    await statements(tx);
  });
}

function seedReference(sql: Sql) {
  return bulk(sql, async (tx) => {
    await tx.unsafe(`
      insert into shipping_methods (code, name, description, cost_minor, currency, sort_order) values
        ('STANDARD', 'Standard ground', '3–5 business days', 1500, 'USD', 1),
        ('EXPRESS', 'Express', 'Next business day', 4500, 'USD', 2),
        ('PICKUP', 'Pick up at the warehouse', 'Ready the next business day', 0, 'USD', 3)
      on conflict (code) do nothing`);
    await tx.unsafe(
      `insert into fulfillment_centers (code, name) values ('BENCH-EAST', 'Bench East'), ('BENCH-WEST', 'Bench West') on conflict (code) do nothing`,
    );
    await tx.unsafe(
      `insert into price_lists (name, currency) select 'Bench list ' || chr(64 + g), 'USD' from generate_series(1, ${DATASET.priceLists}) g on conflict (name) do nothing`,
    );
  });
}

function seedProducts(sql: Sql) {
  return bulk(sql, async (tx) => {
    await tx.unsafe(`
      create table bench.products (n int primary key, id uuid not null unique, sku text not null, name text not null, unit text not null, list_price bigint not null);
      insert into bench.products
      select g, gen_random_uuid(), 'BENCH-' || lpad(g::text, 5, '0'),
        (array['Steel', 'Brass', 'Nylon', 'Copper', 'Oak', 'Rubber', 'Zinc', 'Glass', 'Carbon', 'Aluminium'])[1 + g % 10] || ' ' ||
        (array['bolt', 'hinge', 'bracket', 'valve', 'gasket', 'spring', 'washer', 'clamp', 'fitting', 'coupling', 'bearing', 'panel', 'rivet', 'flange', 'pulley', 'nozzle', 'sleeve', 'spacer', 'anchor', 'latch'])[1 + (g / 10) % 20] ||
        ' ' || g,
        (array['each', 'each', 'box of 10', 'pack of 12', 'box of 100'])[1 + g % 5],
        100 + (g * 7919) % 50000
      from generate_series(1, ${DATASET.products}) g;
      insert into products (id, sku, name, description, unit, category, active)
      select id, sku, name, 'Benchmark product ' || n, unit, 'Bench category ' || lpad((1 + n % 25)::text, 2, '0'), true from bench.products;
      insert into price_list_prices (price_list_id, product_id, unit_price_minor)
      select l.id, p.id, p.list_price * (100 + l.k * 3) / 100
      from bench.products p cross join (select id, row_number() over (order by name) as k from price_lists where name like 'Bench list %') l;
      insert into inventory (product_id, fulfillment_center_id, on_hand, allocated)
      select p.id, c.id, ${DATASET.onHandPerCenter}, 0 from bench.products p cross join fulfillment_centers c where c.code like 'BENCH-%';`);
  });
}

function seedOrganizations(sql: Sql) {
  return bulk(sql, async (tx) => {
    await tx.unsafe(`
      create table bench.orgs (n int primary key, id uuid not null unique, price_list_id uuid not null, discount_bp int not null, address_id uuid not null, ship_to jsonb not null);
      insert into bench.orgs
      select g, gen_random_uuid(), l.id, case when g % 5 = 0 then 250 else 0 end, gen_random_uuid(),
        jsonb_build_object('label', 'Head office', 'recipient', 'Bench Org ' || lpad(g::text, 3, '0') || ' — Receiving', 'addressLine1', g || ' Harbor Way',
          'addressLine2', null, 'city', 'Seattle', 'region', 'WA', 'postalCode', '98101', 'country', 'US')
      from generate_series(1, ${DATASET.organizations}) g
      join price_lists l on l.name = 'Bench list ' || chr(65 + (g - 1) % ${DATASET.priceLists});
      insert into organizations (id, root_id, kind, name, status, decided_at)
      select id, id, 'buyer', 'Bench Org ' || lpad(n::text, 3, '0'), 'active', now() from bench.orgs;
      insert into customer_accounts (organization_id, currency, credit_limit_minor, payment_terms, payment_methods)
      select id, 'USD', 1000000000000, 'NET 30', '{on_account,cod,card}' from bench.orgs;
      insert into contracts (organization_id, name, price_list_id, discount_basis_points, valid_from)
      select id, 'Bench contract', price_list_id, nullif(discount_bp, 0), '2020-01-01' from bench.orgs;
      insert into organization_addresses (id, organization_id, label, recipient, address_line1, city, region, postal_code, country, is_default)
      select address_id, id, ship_to->>'label', ship_to->>'recipient', ship_to->>'addressLine1', 'Seattle', 'WA', '98101', 'US', true from bench.orgs;
      insert into organization_addresses (organization_id, label, recipient, address_line1, address_line2, city, region, postal_code, country)
      select id, 'Warehouse', 'Bench Org ' || lpad(n::text, 3, '0') || ' — Warehouse', '45 Industrial Pkwy', 'Dock 3', 'Tacoma', 'WA', '98421', 'US' from bench.orgs;`);
  });
}

function seedMembers(sql: Sql, passwordHash: string) {
  return bulk(sql, async (tx) => {
    await tx.unsafe(`
      create table bench.members (n int primary key, org_n int not null, membership_id uuid not null unique, user_id uuid not null, organization_id uuid not null, role text not null);
      insert into bench.members
      select g, o.n, gen_random_uuid(), gen_random_uuid(), o.id, case when g <= ${DATASET.organizations} then 'account_manager' else 'buyer' end
      from generate_series(1, ${memberCount()}) g join bench.orgs o on o.n = (g - 1) % ${DATASET.organizations} + 1;`);
    await tx.unsafe(
      `insert into users (id, email, name, password_hash, status, email_verified_at, last_active_at)
       select user_id, 'bench-' || lpad(n::text, 5, '0') || '@bench.test', 'Bench Buyer ' || n, $1, 'active', now(), now() from bench.members`,
      [passwordHash],
    );
    await tx.unsafe(`
      insert into memberships (id, user_id, organization_id, unit_id, shop_account_role, status, may_order, may_see_prices, may_see_stock, may_authorize_orders)
      select membership_id, user_id, organization_id, organization_id, case when role = 'account_manager' then 'account_manager' else 'regular' end::shop_account_role,
        'active', true, true, true, role = 'account_manager'
      from bench.members;
      insert into membership_roles (membership_id, role_id)
      select m.membership_id, r.id from bench.members m join roles r on r.key = m.role and r.organization_id is null;
      update users u set last_membership_id = m.membership_id from bench.members m where m.user_id = u.id;`);
  });
}

/**
 * One batch of orders (global numbers lo..hi) with their lines. Order g is submitted at a time
 * that grows with g (two years, business growing 2× over them), so the heap is in submission
 * order as in production; every 100th order is the history member's. Status follows age: old
 * orders are paid (deposited) or canceled, the last week holds every open state. Bill-me orders
 * paid more than 45 days ago are settled, so the open balance is what a month or so of orders owes.
 */
async function seedOrderBatch(sql: Sql, lo: number, hi: number): Promise<number> {
  const others = memberCount() - 1;
  const historyEvery = Math.max(1, Math.floor(DATASET.orders / DATASET.historyOrders));
  let lineCount = 0;
  await bulk(sql, async (tx) => {
    await tx.unsafe(`
      create temp table stage_orders on commit drop as
      with raw as (
        select g, 1 + floor(random() * ${others})::int as m,
          ${DATASET.years} * 365 * (2 - sqrt(1 + 3 * (g - 0.5) / ${DATASET.orders})) + random() / 48 as age,
          random() as r_status, random() as r_pay, random() as r_ship,
          1 + floor(random() ^ 2 * 5)::int as n_lines,
          floor(${DATASET.products} * random() ^ 2)::int as pseed
        from generate_series(${lo}, ${hi}) g
      ), base as (
        select raw.*,
          case when g % ${historyEvery} = 0 then ${HISTORY_MEMBER_N} when m >= ${HISTORY_MEMBER_N} then m + 1 else m end as member_n
        from raw
      ), shaped as (
        select b.*,
          case
            when age > 30 then case when r_status < 0.92 then 'deposited' when r_status < 0.98 then 'canceled' else 'declined' end
            when age > 7 then case when r_status < 0.60 then 'deposited' when r_status < 0.85 then 'shipped' when r_status < 0.93 then 'canceled' when r_status < 0.98 then 'released' else 'backordered' end
            else case when r_status < 0.10 then 'pending_approval' when r_status < 0.15 then 'payment_review' when r_status < 0.25 then 'backordered'
                      when r_status < 0.50 then 'payment_authorized' when r_status < 0.75 then 'released' when r_status < 0.95 then 'shipped' else 'canceled' end
          end as status,
          case when r_pay < 0.7 then 'on_account' when r_pay < 0.9 then 'card' else 'cod' end as payment_method,
          now() - make_interval(secs => age * 86400) as submitted_at
        from base b
      )
      select s.*, gen_random_uuid() as id, m.membership_id, m.user_id, m.organization_id, o.ship_to, o.price_list_id, o.discount_bp,
        case when r_ship < 0.7 then 'STANDARD' when r_ship < 0.9 then 'EXPRESS' else 'PICKUP' end as shipping_code,
        case when r_ship < 0.7 then 1500 when r_ship < 0.9 then 4500 else 0 end as shipping_minor
      from shaped s join bench.members m on m.n = s.member_n join bench.orgs o on o.n = m.org_n;

      create temp table stage_lines on commit drop as
      select o.g, o.id as order_id, o.status, l as line_number, p.id as product_id, p.sku, p.name, p.unit,
        1 + floor(random() ^ 3 * 50)::int as qty, lp.unit_price_minor as list_price, o.discount_bp,
        (lp.unit_price_minor * (10000 - o.discount_bp) + 5000) / 10000 as unit_price
      from stage_orders o
      cross join lateral generate_series(1, o.n_lines) l
      join bench.products p on p.n = 1 + (o.pseed + l * 997) % ${DATASET.products}
      join price_list_prices lp on lp.price_list_id = o.price_list_id and lp.product_id = p.id;`);

    await tx.unsafe(`
      insert into orders (id, organization_id, unit_id, membership_id, user_id, status, version, idempotency_key, currency,
        subtotal_minor, shipping_minor, total_minor, item_count, sku_count, ship_to, shipping_method_code, shipping_method_name,
        payment_method, payment_status, card_last4, card_outcome, payment_reference,
        submitted_at, released_at, shipped_at, deposited_at, canceled_at, settled_at, updated_at)
      select o.id, o.organization_id, o.organization_id, o.membership_id, o.user_id, o.status::order_status,
        case o.status when 'deposited' then 5 when 'shipped' then 4 when 'released' then 3 when 'pending_approval' then 1 else 2 end,
        'seed-' || o.g, 'USD', t.subtotal, o.shipping_minor, t.subtotal + o.shipping_minor, t.items, t.skus, o.ship_to, o.shipping_code,
        case o.shipping_code when 'STANDARD' then 'Standard ground' when 'EXPRESS' then 'Express' else 'Pick up at the warehouse' end,
        o.payment_method::payment_method,
        (case
          when o.status = 'deposited' then 'captured'
          when o.status in ('shipped', 'released', 'payment_authorized', 'backordered') then 'authorized'
          when o.status = 'payment_review' then 'review'
          when o.status = 'canceled' and o.payment_method = 'card' then 'voided'
          else 'pending' end)::payment_status,
        case when o.payment_method = 'card' then '4242' end,
        case when o.payment_method = 'card' then 'authorized' end,
        case when o.payment_method = 'card' then 'test_' || replace(o.id::text, '-', '') end,
        d.submitted_at, d.released_at, d.shipped_at, d.deposited_at, d.canceled_at, d.settled_at,
        greatest(d.submitted_at, d.released_at, d.shipped_at, d.deposited_at, d.canceled_at)
      from stage_orders o
      join (select order_id, sum(qty * unit_price) as subtotal, sum(qty) as items, count(*) as skus from stage_lines group by order_id) t on t.order_id = o.id
      cross join lateral (
        select o.submitted_at,
          case when o.status in ('released', 'shipped', 'deposited') then o.submitted_at + least(interval '1 day', make_interval(secs => o.age * 86400 * 0.2)) end as released_at,
          case when o.status in ('shipped', 'deposited') then o.submitted_at + least(interval '3 days', make_interval(secs => o.age * 86400 * 0.5)) end as shipped_at,
          case when o.status = 'deposited' then o.submitted_at + least(interval '4 days', make_interval(secs => o.age * 86400 * 0.7)) end as deposited_at,
          case when o.status = 'canceled' then o.submitted_at + least(interval '6 hours', make_interval(secs => o.age * 86400 * 0.2)) end as canceled_at,
          case when o.status = 'deposited' and o.payment_method = 'on_account' and o.age > 45 then o.submitted_at + interval '34 days' end as settled_at
      ) d
      order by o.g`);
    const inserted = await tx.unsafe(`
      insert into order_lines (order_id, line_number, product_id, sku, name, unit, quantity, unit_price_minor, list_price_minor, discount_basis_points, line_total_minor, shipped_quantity)
      select order_id, line_number, product_id, sku, name, unit, qty, unit_price, list_price, discount_bp, qty * unit_price,
        case when status in ('shipped', 'deposited') then qty else 0 end
      from stage_lines order by g, line_number`);
    lineCount = inserted.count;
  });
  return lineCount;
}
