import { hashPassword } from '@/server/auth/password';
import type { Sql } from './database';
import type { DatasetPart } from './dataset';
import { BENCH_PASSWORD, bulk, DATASET, step } from './seed-data';

/**
 * The approvals part of the bench data set (issue 6), on top of the orders part: authorizers and
 * requesters with spending limits in every organization, 300,000 orders waiting for approval with
 * their steps and inbox rows, and decided history. The rows are the ones the app writes
 * (server/services/approvals/steps.ts openApprovalSteps + syncInbox, decisions.ts, the reminders
 * job's escalation): steps with their authorizers, one inbox row per (person, order) in the state
 * `inboxStateFor` gives, the order's events. Times are relative to `as_of` (bench.approvals_meta),
 * the instant the data set describes: the reminders job is run "at" that time, so the data does
 * not age between runs.
 */
export const APPROVALS = {
  authorizersPerOrganization: 50,
  requestersPerOrganization: 25,
  pendingOrders: Number(process.env.BENCH_PENDING_ORDERS ?? 300_000),
  historyOrders: Number(process.env.BENCH_HISTORY_ORDERS ?? 100_000),
  /** Organizations (by number) whose authorizer number 1 decides every order of the first tier. */
  heavyOrganizations: [7, 47, 87, 127, 167] as readonly number[],
  /** Pending orders of each heavy organization (the rest spread over the other organizations). */
  heavyOrdersPerOrganization: 3_400,
  /** Share of the pending orders older than the escalation period, already offered to the account manager. */
  escalatedShare: 0.03,
  /** Pending orders were submitted within this many hours before as_of (the escalated ones aside). */
  pendingHours: 40,
  batch: 50_000,
} as const;

/** The spending-limit tiers of every requester: over 1,000.00 one of two authorizers, over 5,000.00 a third. */
const LIMITS = [
  { tier: 1, minor: 100_000, label: 'Spending limit over 1,000.00 USD per order' },
  { tier: 2, minor: 500_000, label: 'Spending limit over 5,000.00 USD per order' },
] as const;
const SHIPPING_MINOR = 1_500;
const ESCALATION_DAYS = 3;

export const authorizerCount = () => DATASET.organizations * APPROVALS.authorizersPerOrganization;
const requesterCount = () => DATASET.organizations * APPROVALS.requestersPerOrganization;
const totalOrders = () => APPROVALS.pendingOrders + APPROVALS.historyOrders;

type Log = (line: string) => void;

/** The approvals part: seeded after the orders part, removable on its own when its version changes. */
export const approvalsDataset: DatasetPart = {
  name: 'approvals',
  version: 1,
  size: {
    authorizers: authorizerCount(),
    requesters: requesterCount(),
    pendingOrders: APPROVALS.pendingOrders,
    historyOrders: APPROVALS.historyOrders,
    heavyAuthorizers: APPROVALS.heavyOrganizations.length,
    heavyOrdersPerOrganization: APPROVALS.heavyOrdersPerOrganization,
  },
  seed: seedApprovals,
  remove: removeApprovals,
};

async function seedApprovals(sql: Sql, log: Log): Promise<void> {
  const [{ as_of: asOf } = { as_of: '' }] = await sql<
    { as_of: string }[]
  >`select to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as as_of`;
  log(
    `Seeding approvals as of ${asOf}: ${authorizerCount().toLocaleString('en')} authorizers, ${requesterCount().toLocaleString('en')} requesters, ${APPROVALS.pendingOrders.toLocaleString('en')} orders waiting for approval, ${APPROVALS.historyOrders.toLocaleString('en')} decided …`,
  );
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  await step(log, 'authorizers, requesters, spending limits', () => seedPeople(sql, passwordHash, asOf));
  await seedOrders(sql, asOf, log);
  await step(log, 'analyze', () =>
    sql.unsafe(
      'vacuum (analyze) users, memberships, membership_roles, spending_limits, spending_limit_authorizers, orders, order_lines, order_events, approval_steps, approval_inbox, authorizer_reminders',
    ),
  );
}

/**
 * Removes what an earlier (perhaps unfinished) seed of this part left: its people and their
 * orders. Foreign-key checks are off for it (session_replication_role = replica, as a restore
 * does): deleting 15,000 users would otherwise check each against tables that have no index on
 * the referencing column (orders.user_id …). Cascades are off with them, so children go first.
 */
async function removeApprovals(sql: Sql, log: Log): Promise<void> {
  const [table] = await sql<{ exists: boolean }[]>`select to_regclass('bench.requesters') is not null as exists`;
  if (!table?.exists) return;
  await step(log, 'removing the earlier approvals part', () =>
    bulk(sql, async (tx) => {
      await tx.unsafe(`
        set local session_replication_role = replica;
        create temp table gone on commit drop as
        select membership_id, user_id from bench.authorizers union all select membership_id, user_id from bench.requesters;
        create temp table gone_orders on commit drop as
        select o.id from orders o join bench.requesters r on r.membership_id = o.membership_id;
        delete from order_lines where order_id in (select id from gone_orders);
        delete from order_events where order_id in (select id from gone_orders);
        delete from approval_steps where order_id in (select id from gone_orders);
        delete from approval_inbox where order_id in (select id from gone_orders) or membership_id in (select membership_id from gone);
        delete from orders where id in (select id from gone_orders);
        delete from spending_limit_authorizers where limit_id in (select l.id from spending_limits l join bench.requesters r on r.membership_id = l.membership_id);
        delete from spending_limits where membership_id in (select membership_id from bench.requesters);
        delete from authorizer_reminders where membership_id in (select membership_id from gone);
        delete from user_sessions where user_id in (select user_id from gone);
        delete from membership_roles where membership_id in (select membership_id from gone);
        delete from memberships where id in (select membership_id from gone);
        delete from users where id in (select user_id from gone);
        drop table if exists bench.limit_entries, bench.authorizers, bench.requesters, bench.approvals_meta;`);
    }),
  );
}

/**
 * Authorizers (may authorize orders, the predefined Authorizer role) and requesters (buyers with a
 * limited budget) in every organization, and each requester's two spending-limit entries. In an
 * ordinary organization requester j's first tier is authorizers 2j−1 and 2j, the second one other
 * authorizer; in a heavy organization authorizer 1 is on every requester's first tier.
 */
function seedPeople(sql: Sql, passwordHash: string, asOf: string) {
  const orgs = DATASET.organizations;
  const perOrgA = APPROVALS.authorizersPerOrganization;
  const perOrgR = APPROVALS.requestersPerOrganization;
  const heavy = `array[${APPROVALS.heavyOrganizations.join(', ')}]`;
  return bulk(sql, async (tx) => {
    await tx.unsafe(`
      create table bench.approvals_meta (as_of timestamptz not null);
      insert into bench.approvals_meta values ('${asOf}');
      create table bench.authorizers (n int primary key, org_n int not null, k int not null, heavy boolean not null,
        membership_id uuid not null unique, user_id uuid not null unique, organization_id uuid not null, name text not null);
      insert into bench.authorizers
      select g, o.n, (g - 1) / ${orgs} + 1, (g - 1) / ${orgs} = 0 and o.n = any(${heavy}), gen_random_uuid(), gen_random_uuid(), o.id,
        'Bench Authorizer ' || lpad(g::text, 5, '0')
      from generate_series(1, ${orgs * perOrgA}) g join bench.orgs o on o.n = (g - 1) % ${orgs} + 1;
      create table bench.requesters (n int primary key, org_n int not null, j int not null,
        membership_id uuid not null unique, user_id uuid not null unique, organization_id uuid not null, name text not null);
      insert into bench.requesters
      select g, o.n, (g - 1) / ${orgs} + 1, gen_random_uuid(), gen_random_uuid(), o.id, 'Bench Requester ' || lpad(g::text, 4, '0')
      from generate_series(1, ${orgs * perOrgR}) g join bench.orgs o on o.n = (g - 1) % ${orgs} + 1;`);
    await tx.unsafe(
      `insert into users (id, email, name, password_hash, status, email_verified_at, last_active_at)
       select user_id, 'bench-authorizer-' || lpad(n::text, 5, '0') || '@bench.test', name, $1, 'active'::user_status, now(), now() from bench.authorizers
       union all
       select user_id, 'bench-requester-' || lpad(n::text, 4, '0') || '@bench.test', name, $1, 'active', now(), now() from bench.requesters`,
      [passwordHash],
    );
    await tx.unsafe(`
      insert into memberships (id, user_id, organization_id, unit_id, shop_account_role, status, may_order, may_see_prices, may_see_stock, may_authorize_orders, has_limited_budget)
      select membership_id, user_id, organization_id, organization_id, 'regular'::shop_account_role, 'active'::membership_status, false, true, true, true, false from bench.authorizers
      union all
      select membership_id, user_id, organization_id, organization_id, 'regular', 'active', true, true, true, false, true from bench.requesters;
      insert into membership_roles (membership_id, role_id)
      select a.membership_id, r.id from bench.authorizers a join roles r on r.key = 'authorizer' and r.organization_id is null
      union all
      select q.membership_id, r.id from bench.requesters q join roles r on r.key = 'buyer' and r.organization_id is null;
      update users u set last_membership_id = p.membership_id
      from (select user_id, membership_id from bench.authorizers union all select user_id, membership_id from bench.requesters) p where p.user_id = u.id;

      create table bench.limit_entries (requester_n int not null, tier int not null, limit_id uuid not null, limit_minor bigint not null, label text not null,
        people int[] not null, authorizers jsonb not null, primary key (requester_n, tier));
      with who as (
        select r.n as requester_n, t.tier, t.minor, t.label,
          case when r.org_n = any(${heavy})
            then case t.tier when 1 then array[1, r.j + 1] else array[(r.j - 1) % ${perOrgA / 2 - 1} + ${perOrgA / 2 + 2}] end
            else case t.tier when 1 then array[2 * r.j - 1, 2 * r.j] else array[(2 * r.j + ${perOrgA / 2 - 1}) % ${perOrgA} + 1] end
          end as ks, r.org_n
        from bench.requesters r
        cross join (values ${LIMITS.map((l) => `(${l.tier}, ${l.minor}, '${l.label}')`).join(', ')}) t(tier, minor, label)
      )
      insert into bench.limit_entries
      select w.requester_n, w.tier, gen_random_uuid(), w.minor, w.label,
        array_agg(a.n order by a.name, a.membership_id),
        jsonb_agg(jsonb_build_object('membershipId', a.membership_id, 'name', a.name) order by a.name, a.membership_id)
      from who w cross join lateral unnest(w.ks) as u(slot) join bench.authorizers a on a.n = (u.slot - 1) * ${orgs} + w.org_n
      group by w.requester_n, w.tier, w.minor, w.label;

      insert into spending_limits (id, organization_id, membership_id, limit_minor, period, created_at)
      select e.limit_id, r.organization_id, r.membership_id, e.limit_minor, 'order', timestamptz '${asOf}' - interval '180 days'
      from bench.limit_entries e join bench.requesters r on r.n = e.requester_n;
      insert into spending_limit_authorizers (limit_id, membership_id)
      select e.limit_id, a.membership_id from bench.limit_entries e cross join lateral unnest(e.people) p join bench.authorizers a on a.n = p;`);
  });
}

/** Orders in batches, two at a time on their own connections, as the orders part does. */
async function seedOrders(sql: Sql, asOf: string, log: Log) {
  const batches: [number, number][] = [];
  for (let lo = 1; lo <= totalOrders(); lo += APPROVALS.batch)
    batches.push([lo, Math.min(totalOrders(), lo + APPROVALS.batch - 1)]);
  const started = performance.now();
  let done = 0;
  const worker = async () => {
    for (let batch = batches.shift(); batch; batch = batches.shift()) {
      const [lo, hi] = batch;
      await seedOrderBatch(sql, asOf, lo, hi);
      done += hi - lo + 1;
      const elapsed = (performance.now() - started) / 1000;
      log(
        `  approval orders ${lo.toLocaleString('en')}–${hi.toLocaleString('en')}; ${Math.round((done / totalOrders()) * 100)} % after ${elapsed.toFixed(0)} s`,
      );
    }
  };
  await Promise.all([worker(), worker()]);
}

/**
 * One batch of orders (global numbers lo..hi): numbers up to `pendingOrders` wait for approval,
 * the rest are decided history. Pending orders: the heavy organizations' share first, the rest
 * over the other organizations; a few escalated (older than the escalation period, the account
 * manager added to the pending step), the others submitted within `pendingHours` of as_of; of
 * those above the second limit, some have the first tier approved and the second pending.
 * History: approved (and on through fulfillment by age) or declined at either tier.
 */
async function seedOrderBatch(sql: Sql, asOf: string, lo: number, hi: number): Promise<void> {
  const orgs = DATASET.organizations;
  const heavy = APPROVALS.heavyOrganizations;
  const heavyTotal = heavy.length * APPROVALS.heavyOrdersPerOrganization;
  const others = Array.from({ length: orgs }, (_, i) => i + 1).filter((n) => !heavy.includes(n));
  const at = `timestamptz '${asOf}'`;
  await bulk(sql, async (tx) => {
    await tx.unsafe(`
      create temp table stage_orders on commit drop as
      with raw as (
        select g, g > ${APPROVALS.pendingOrders} as history,
          random() as r_req, random() as r_t, random() as r_case, random() as r_age, random() as r_d1, random() as r_d2, random() as r_who, random() as r_out, random() as r_po,
          1 + floor(random() ^ 2 * 5)::int as n_lines, floor(${DATASET.products} * random() ^ 2)::int as pseed
        from generate_series(${lo}, ${hi}) g
      ), placed as (
        select raw.*,
          case when history then 1 + g % ${orgs}
               when g <= ${heavyTotal} then (array[${heavy.join(', ')}])[1 + (g - 1) / ${APPROVALS.heavyOrdersPerOrganization}]
               else (array[${others.join(', ')}])[1 + g % ${others.length}] end as org_n,
          not history and random() < ${APPROVALS.escalatedShare} as escalated
        from raw
      )
      select p.*, r.n as requester_n, r.membership_id, r.user_id, r.name as requester_name, o.id as organization_id, o.ship_to, o.price_list_id, o.discount_bp,
        gen_random_uuid() as id, 'CS-' || nextval('order_number_seq') as number,
        110000 + floor(r_t ^ 2 * 900000)::bigint as target,
        case when history then ${at} - make_interval(secs => (3 + 117 * r_age) * 86400)
             when escalated then ${at} - make_interval(secs => (${ESCALATION_DAYS} + 0.5 + 6.5 * r_age) * 86400)
             else ${at} - make_interval(secs => r_age * ${APPROVALS.pendingHours} * 3600) end as submitted_at
      from placed p
      join bench.requesters r on r.n = (floor(p.r_req * ${APPROVALS.requestersPerOrganization})::int) * ${orgs} + p.org_n
      join bench.orgs o on o.n = p.org_n;

      create temp table stage_lines on commit drop as
      select o.g, o.id as order_id, l as line_number, p.id as product_id, p.sku, p.name, p.unit,
        least(9999, greatest(1, ceil(o.target::numeric / o.n_lines / u.unit_price)))::int as qty, lp.unit_price_minor as list_price, o.discount_bp, u.unit_price
      from stage_orders o
      cross join lateral generate_series(1, o.n_lines) l
      join bench.products p on p.n = 1 + (o.pseed + l * 997) % ${DATASET.products}
      join price_list_prices lp on lp.price_list_id = o.price_list_id and lp.product_id = p.id
      cross join lateral (select (lp.unit_price_minor * (10000 - o.discount_bp) + 5000) / 10000 as unit_price) u;

      -- What happened to each order: tier 1 (and tier 2 above the second limit), decisions, status.
      create temp table stage_fate on commit drop as
      with totals as (
        select order_id, sum(qty * unit_price)::bigint as subtotal, sum(qty)::int as items, count(*)::int as skus from stage_lines group by order_id
      ), shaped as (
        select o.*, t.subtotal, t.items, t.skus, t.subtotal + ${SHIPPING_MINOR} > ${LIMITS[1].minor} as two_tier,
          extract(epoch from ${at} - o.submitted_at) / 86400 as age_days
        from stage_orders o join totals t on t.order_id = o.id
      ), decided as (
        select s.*,
          case when not history then case when not escalated and two_tier and r_case < 0.4 then 'advanced' else 'first' end
               when r_out < 0.12 then case when two_tier and r_case < 0.5 then 'declined2' else 'declined1' end
               else 'approved' end as fate
        from shaped s
      )
      select d.*,
        case when fate = 'advanced' then submitted_at + (${at} - submitted_at) * (0.5 * r_d1)
             when history then submitted_at + make_interval(secs => r_d1 * 20 * 3600) end as t1_at,
        case when history and fate in ('approved', 'declined2') and two_tier then submitted_at + make_interval(secs => (r_d1 + r_d2) * 20 * 3600) end as t2_at,
        case when not history then 'pending_approval'
             when fate like 'declined%' then 'declined'
             when age_days > 30 then 'deposited'
             when age_days > 7 then case when r_case < 0.6 then 'shipped' else 'deposited' end
             else case when r_case < 0.5 then 'released' else 'payment_authorized' end end as status
      from decided d;

      -- The steps as openApprovalSteps writes them and decisions and escalation change them.
      create temp table stage_steps on commit drop as
      with base as (
        select f.id as order_id, f.organization_id, f.fate, f.escalated, f.submitted_at, f.r_who, f.t1_at, f.t2_at, e.tier, e.limit_id, e.limit_minor, e.label, e.people, e.authorizers,
          case e.tier
            when 1 then case f.fate when 'first' then 'pending' when 'declined1' then 'declined' else 'approved' end
            else case f.fate when 'first' then 'waiting' when 'advanced' then 'pending' when 'declined1' then 'waiting' when 'declined2' then 'declined' else 'approved' end
          end as status
        from stage_fate f join bench.limit_entries e on e.requester_n = f.requester_n and (e.tier = 1 or f.two_tier)
      ), decided as (
        select b.*,
          case when b.status in ('approved', 'declined') then b.people[1 + floor(b.r_who * array_length(b.people, 1))::int] end as decider_n,
          case when b.status in ('approved', 'declined') then case b.tier when 1 then b.t1_at else b.t2_at end end as decided_at,
          b.status = 'pending' and b.escalated as escalated_now
        from base b
      )
      select gen_random_uuid() as id, d.order_id, d.organization_id, d.tier, d.limit_id, d.limit_minor, d.label, d.status, d.decided_at, d.escalated_now,
        case when d.escalated_now then d.authorizers || jsonb_build_array(jsonb_build_object('membershipId', am.membership_id, 'name', amu.name)) else d.authorizers end as authorizers,
        case when d.status = 'pending' and d.tier = 2 then d.t1_at
             when d.tier = 1 then d.submitted_at
             when d.status in ('approved', 'declined') then d.t1_at end as pending_since,
        case when d.escalated_now then d.submitted_at + make_interval(secs => (${ESCALATION_DAYS} * 24 + d.r_who) * 3600) end as escalated_at,
        a.membership_id as decided_by_membership_id, a.user_id as decided_by_user_id, a.name as decider_name,
        case when d.status = 'declined' then 'Over this quarter''s budget for this category.' end as feedback,
        amu.name as manager_name
      from decided d
      left join bench.authorizers a on a.n = d.decider_n
      left join bench.orgs og on og.id = d.organization_id and d.escalated_now
      left join bench.members am on am.n = og.n
      left join users amu on amu.id = am.user_id;`);

    await tx.unsafe(`
      insert into orders (id, number, organization_id, unit_id, membership_id, user_id, status, version, idempotency_key, currency,
        subtotal_minor, shipping_minor, total_minor, item_count, sku_count, ship_to, shipping_method_code, shipping_method_name, po_number,
        payment_method, payment_status, submitted_at, released_at, shipped_at, deposited_at, settled_at, updated_at)
      select f.id, f.number, f.organization_id, f.organization_id, f.membership_id, f.user_id, f.status::order_status,
        case f.status when 'deposited' then 5 when 'shipped' then 4 when 'released' then 3 when 'pending_approval' then 1 else 2 end,
        'bench-approval-' || f.g, 'USD', f.subtotal, ${SHIPPING_MINOR}, f.subtotal + ${SHIPPING_MINOR}, f.items, f.skus, f.ship_to, 'STANDARD', 'Standard ground',
        case when f.r_po < 0.3 then 'PO-' || f.g end, 'on_account',
        (case f.status when 'deposited' then 'captured' when 'pending_approval' then 'pending' when 'declined' then 'pending' else 'authorized' end)::payment_status,
        f.submitted_at, d.released_at, d.shipped_at, d.deposited_at, d.settled_at,
        greatest(f.submitted_at, f.t1_at, f.t2_at, d.released_at, d.shipped_at, d.deposited_at)
      from stage_fate f
      cross join lateral (select greatest(f.t1_at, f.t2_at) as approved_at) ap
      cross join lateral (
        select case when f.status in ('released', 'shipped', 'deposited') then ap.approved_at + interval '12 hours' end as released_at,
          case when f.status in ('shipped', 'deposited') then ap.approved_at + interval '2 days' end as shipped_at,
          case when f.status = 'deposited' then ap.approved_at + interval '4 days' end as deposited_at,
          case when f.status = 'deposited' and f.age_days > 45 then f.submitted_at + interval '34 days' end as settled_at
      ) d
      order by f.g;
      insert into order_lines (order_id, line_number, product_id, sku, name, unit, quantity, unit_price_minor, list_price_minor, discount_basis_points, line_total_minor, shipped_quantity)
      select l.order_id, l.line_number, l.product_id, l.sku, l.name, l.unit, l.qty, l.unit_price, l.list_price, l.discount_bp, l.qty * l.unit_price,
        case when f.status in ('shipped', 'deposited') then l.qty else 0 end
      from stage_lines l join stage_fate f on f.id = l.order_id order by l.g, l.line_number;
      insert into approval_steps (id, order_id, organization_id, tier, source, label, authorizers, escalated, status, pending_since, escalated_at,
        decided_by_membership_id, decided_by_user_id, decided_at, feedback, version)
      select id, order_id, organization_id, tier, jsonb_build_object('kind', 'limit', 'limitId', limit_id, 'limitMinor', limit_minor, 'period', 'order'), label, authorizers,
        case when escalated_now then 'overdue' end, status::approval_step_status, pending_since, escalated_at,
        decided_by_membership_id, decided_by_user_id, decided_at, feedback, case when escalated_now then 2 else 1 end
      from stage_steps order by order_id, tier;

      -- One inbox row per person named in any step of the order, in the state inboxStateFor gives.
      insert into approval_inbox (membership_id, order_id, organization_id, state, submitted_at, order_number, requester_membership_id)
      select (p.person->>'membershipId')::uuid, f.id, f.organization_id,
        (case when f.fate like 'declined%' then 'declined'
              when f.status = 'pending_approval' and bool_or(s.status = 'pending') then 'pending'
              when f.status = 'pending_approval' and bool_or(s.status = 'waiting') then 'waiting'
              else 'approved' end)::inbox_state,
        f.submitted_at, f.number, f.membership_id
      from stage_steps s join stage_fate f on f.id = s.order_id
      cross join lateral jsonb_array_elements(s.authorizers) p(person)
      group by f.id, f.organization_id, f.fate, f.status, f.submitted_at, f.number, f.membership_id, p.person->>'membershipId';

      -- The order's history: submitted, each decision, the escalation.
      insert into order_events (order_id, at, kind, from_status, to_status, actor_user_id, message, data)
      select order_id, at, kind, from_status::order_status, to_status::order_status, actor, message, data from (
        select f.id as order_id, f.submitted_at as at, 'submitted' as kind, null as from_status, null as to_status, f.user_id as actor,
          'Order submitted; it needs approval.' as message, '{}'::jsonb as data, 0 as ord
        from stage_fate f
        union all
        select s.order_id, s.decided_at, case s.status when 'approved' then 'approve' else 'decline' end,
          case s.status when 'declined' then 'pending_approval' end, case s.status when 'declined' then 'declined' end, s.decided_by_user_id,
          case s.status when 'approved' then 'Approved by ' || s.decider_name || ' (' || s.label || ').'
                        else 'Declined by ' || s.decider_name || ' (' || s.label || '): “' || s.feedback || '”' end,
          jsonb_build_object('stepIds', jsonb_build_array(s.id), 'decidedBy', s.decider_name, 'onBehalfOf', null, 'feedback', s.feedback), s.tier
        from stage_steps s where s.status in ('approved', 'declined')
        union all
        select s.order_id, s.escalated_at, 'approval_escalated', null, null, null,
          'Waiting for approval longer than ${ESCALATION_DAYS} days: also offered to the account managers (' || s.manager_name || ').',
          jsonb_build_object('stepIds', jsonb_build_array(s.id), 'accountManagers', jsonb_build_array(s.manager_name)), 9
        from stage_steps s where s.escalated_now
      ) e order by order_id, at, ord;`);
  });
}
