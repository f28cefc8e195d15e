import { sql, type SQL } from 'drizzle-orm';
import { openBalanceSql } from '../orders/credit';
import type { Period } from '@/server/domain/insights/calendar';
import { SPEND_STATUSES } from '@/server/domain/insights/outcomes';
import type { OrderStatus } from '@/server/domain/orders/state-machine';
import type { Executor } from '@/db/client';

/**
 * The statements behind the insights charts, as builders: the services run them on the report
 * database, and bench/insights.ts runs the very same ones under EXPLAIN ANALYZE. Each reads one
 * range of one of the insights indexes (db/schema: orders_insights_idx, approval_steps_insights_*,
 * orders_submitted_status_idx …), never a whole table. Instants go in as ISO text cast to
 * timestamptz: the driver's Date handling does not reach raw statements.
 */

/** Whose figures: one organization, and the units of it the reader chose or may see (null: all of it). */
export type InsightsScope = { organizationId: string; unitIds: readonly string[] | null };
/** A half-open range of instants [start, end). */
export type InstantRange = { start: Date; end: Date };

const at = (instant: Date) => sql`${instant.toISOString()}::timestamptz`;
const statusList = (statuses: readonly OrderStatus[]) => sql.raw(statuses.map((s) => `'${s}'`).join(', '));

function unitsOf(column: SQL, scope: InsightsScope): SQL {
  if (scope.unitIds === null) return sql``;
  if (scope.unitIds.length === 0) return sql` and false`;
  return sql` and ${column} in (${sql.join(
    scope.unitIds.map((id) => sql`${id}`),
    sql`, `,
  )})`;
}

/** Orders of the scope submitted in the range, read from orders_insights_idx. */
function ordersIn(scope: InsightsScope, range: InstantRange): SQL {
  return sql`o.organization_id = ${scope.organizationId} and o.submitted_at >= ${at(range.start)} and o.submitted_at < ${at(range.end)}${unitsOf(sql`o.unit_id`, scope)}`;
}

export const insightsStatements = {
  /** Spend per month (in the zone) and unit: orders accepted past approval and not canceled. */
  spendByMonth: (scope: InsightsScope, range: InstantRange, timeZone: string) => sql`
    select to_char(t.month, 'YYYY-MM') as month, t."unitId", t."amountMinor"
    from (
      select date_trunc('month', o.submitted_at at time zone ${timeZone}) as month, o.unit_id as "unitId",
        sum(o.total_minor)::bigint as "amountMinor"
      from orders o
      where ${ordersIn(scope, range)} and o.status in (${statusList(SPEND_STATUSES)})
      group by 1, 2
    ) t`,

  /** Monthly spending-limit entries of the scope's active members, with their units. */
  monthlyLimits: (scope: InsightsScope) => sql`
    select m.unit_id as "unitId", l.membership_id as "membershipId", l.limit_minor as "limitMinor"
    from spending_limits l join memberships m on m.id = l.membership_id
    where l.organization_id = ${scope.organizationId} and l.period = 'month' and m.status = 'active'${unitsOf(sql`m.unit_id`, scope)}`,

  /** The members who spent most in the range, with their order counts. */
  topRequesters: (scope: InsightsScope, range: InstantRange, limit: number) => sql`
    select t.membership_id as "membershipId", u.name, t.orders, t.amount as "amountMinor"
    from (
      select o.membership_id, count(*)::int as orders, sum(o.total_minor)::bigint as amount
      from orders o
      where ${ordersIn(scope, range)} and o.status in (${statusList(SPEND_STATUSES)})
      group by o.membership_id
      order by amount desc, o.membership_id
      limit ${limit}
    ) t
    join memberships m on m.id = t.membership_id join users u on u.id = m.user_id
    order by t.amount desc, t.membership_id`,

  /** Orders of the range by status and whether any approval step was made for them. */
  outcomes: (scope: InsightsScope, range: InstantRange) => sql`
    select o.status, (s.one is not null) as "hadSteps", count(*)::int as count
    from orders o
    -- A lateral probe per order (LIMIT 1) rather than EXISTS: the planner may not swap it for a
    -- hashed subplan that would read every approval step.
    left join lateral (select 1 as one from approval_steps s where s.order_id = o.id limit 1) s on true
    where ${ordersIn(scope, range)}
    group by 1, 2`,

  /** Steps waiting for a decision, by whole hours waited at `now`. */
  waitingSteps: (scope: InsightsScope, now: Date) => sql`
    select floor(extract(epoch from (${at(now)} - s.pending_since)) / 3600)::int as hours, count(*)::int as count
    from approval_steps s${scope.unitIds === null ? sql`` : sql` join orders o on o.id = s.order_id`}
    where s.organization_id = ${scope.organizationId} and s.status = 'pending' and s.pending_since is not null${unitsOf(sql`o.unit_id`, scope)}
    group by 1`,

  /** Seconds from pending to decision of the steps decided in the range, per authorizer and rule. */
  decisionTimes: (scope: InsightsScope, range: InstantRange) => sql`
    select t."membershipId", coalesce(u.name, 'Someone no longer in the organization') as name, t."ruleKey", t."ruleName", t.seconds
    from (
      select s.decided_by_membership_id as "membershipId", coalesce(s.source->>'ruleId', 'limits') as "ruleKey",
        max(s.source->>'ruleName') as "ruleName",
        array_agg(extract(epoch from (s.decided_at - s.pending_since))::float8) as seconds
      from approval_steps s${scope.unitIds === null ? sql`` : sql` join orders o on o.id = s.order_id`}
      where s.organization_id = ${scope.organizationId} and s.decided_at is not null
        and s.decided_at >= ${at(range.start)} and s.decided_at < ${at(range.end)}
        and s.status in ('approved', 'declined') and s.pending_since is not null
        and s.decided_by_membership_id is not null${unitsOf(sql`o.unit_id`, scope)}
      group by 1, 2
    ) t
    left join memberships m on m.id = t."membershipId" left join users u on u.id = m.user_id`,

  /** The latest declines of the range with their feedback. */
  declines: (scope: InsightsScope, range: InstantRange, limit: number) => sql`
    select o.number, s.decided_at as "decidedAt", s.feedback, s.label, du.name as "decidedBy", ru.name as requester
    from approval_steps s
    join orders o on o.id = s.order_id
    join users ru on ru.id = o.user_id
    left join users du on du.id = s.decided_by_user_id
    where s.organization_id = ${scope.organizationId} and s.decided_at is not null
      and s.decided_at >= ${at(range.start)} and s.decided_at < ${at(range.end)}
      and s.status = 'declined'${unitsOf(sql`o.unit_id`, scope)}
    order by s.decided_at desc, s.id desc
    limit ${limit}`,

  // ——— The staff overview: every organization ———

  /**
   * Orders per day by their current state: `day` is the number (from 1) of the day in `days`,
   * consecutive days in the zone. Each order finds its day by `width_bucket` over the days'
   * boundaries, computed in TypeScript: a month of a busy store is hundreds of thousands of orders,
   * and converting each one's time to the zone (`at time zone`, then `date_trunc`) cost more than
   * reading them (190–210 ms against 110–140 ms for 405,000 orders on the bench).
   */
  ordersPerDay: (days: readonly Period[]) => {
    const start = days[0]?.start ?? new Date(0);
    const end = days.at(-1)?.end ?? start;
    const boundaries = `{${[...days.map((day) => day.start), end].map((instant) => instant.toISOString()).join(',')}}`;
    return sql`
    select width_bucket(o.submitted_at, ${boundaries}::timestamptz[]) as day, o.status, count(*)::int as count
    from orders o
    where o.submitted_at >= ${at(start)} and o.submitted_at < ${at(end)}
    group by 1, 2`;
  },

  /** The payment-review queue by whole hours since submit, read from orders_status_idx. */
  paymentReview: (now: Date) => sql`
    select floor(extract(epoch from (${at(now)} - o.submitted_at)) / 3600)::int as hours, count(*)::int as count
    from orders o
    where o.status = 'payment_review'
    group by 1`,

  /** Release-to-shipment lead time of the packages shipped in the range, per fulfillment center. */
  leadTimes: (range: InstantRange) => sql`
    select fc.name as center, count(*)::int as packages,
      percentile_cont(0.5) within group (order by extract(epoch from (p.shipped_at - o.released_at))) as median,
      percentile_cont(0.9) within group (order by extract(epoch from (p.shipped_at - o.released_at))) as p90
    from packages p
    join orders o on o.id = p.order_id
    join fulfillment_centers fc on fc.id = p.fulfillment_center_id
    where p.shipped_at is not null and p.shipped_at >= ${at(range.start)} and p.shipped_at < ${at(range.end)}
      and o.released_at is not null
    group by fc.id, fc.name
    order by fc.name`,

  /** Failed card captures per day (each failed attempt is one). */
  failedCaptures: (range: InstantRange, timeZone: string) => sql`
    select to_char(e.at at time zone ${timeZone}, 'YYYY-MM-DD') as day, count(*)::int as count
    from order_events e
    where e.kind = 'capture_failed' and e.at >= ${at(range.start)} and e.at < ${at(range.end)}
    group by 1`,

  /** Emails given up on per day of writing. */
  failedEmails: (range: InstantRange, timeZone: string) => sql`
    select to_char(e.created_at at time zone ${timeZone}, 'YYYY-MM-DD') as day, count(*)::int as count
    from email_outbox e
    where e.status = 'failed' and e.created_at >= ${at(range.start)} and e.created_at < ${at(range.end)}
    group by 1`,

  /** Per buyer organization with an account: its open balance on bill-me orders against its credit limit. */
  creditUse: (limit: number) => sql`
    select t.* from (
      select org.id, org.name, a.currency, a.credit_limit_minor as "limitMinor",
        ${openBalanceSql(sql`a.organization_id`)}::bigint as "usedMinor"
      from customer_accounts a join organizations org on org.id = a.organization_id
      where org.status in ('active', 'suspended')
    ) t
    order by t."usedMinor"::float8 / greatest(t."limitMinor", 1) desc, t.name
    limit ${limit}`,
} satisfies Record<string, (...args: never[]) => SQL>;

export type InsightsStatement = keyof typeof insightsStatements;

/** Runs one of the statements and hands back its rows. */
export async function insightRows<T extends Record<string, unknown>>(db: Executor, statement: SQL): Promise<T[]> {
  return [...(await db.execute<T>(statement))] as T[];
}
