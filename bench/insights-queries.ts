import { PgDialect } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import { insightsRange } from '@/server/domain/insights/range';
import { daysEndingAt } from '@/server/domain/insights/calendar';
import { LATEST_DECLINES, TOP_REQUESTERS } from '@/server/services/insights/buyer';
import { CREDIT_ROWS, OVERVIEW_DAYS } from '@/server/services/insights/staff';
import { insightsStatements as q, type InsightsScope } from '@/server/services/insights/statements';
import { explain, type Captured, type ExplainedStatement } from './approvals-queries';
import type { Sql } from './database';

/** The tables the issue names: no chart may read them with a sequential scan. */
export const WATCHED_TABLES = ['orders', 'approval_steps'] as const;
/** Issue 15's target for each chart's statement at the database. */
export const CHART_QUERY_TARGET_MS = 200;

/** The organization with the most orders, its time zone and its account manager (who holds insights.view). */
export type BenchOrganization = {
  organizationId: string;
  orders: number;
  steps: number;
  timeZone: string;
  manager: { userId: string; membershipId: string };
};

export async function largestOrganization(sql: Sql): Promise<BenchOrganization> {
  const [row] = await sql<
    { organization_id: string; orders: number; time_zone: string; user_id: string; membership_id: string }[]
  >`
    select o.organization_id, o.orders, org.time_zone, m.user_id, m.membership_id
    from (select organization_id, count(*)::int as orders from orders group by organization_id order by 2 desc limit 1) o
    join organizations org on org.id = o.organization_id
    join bench.members m on m.organization_id = o.organization_id and m.role = 'account_manager'
    order by m.n limit 1`;
  if (!row) throw new Error('insights: no organization with orders; run with --reseed');
  const [steps] = await sql<{ n: number }[]>`
    select count(*)::int as n from approval_steps where organization_id = ${row.organization_id}`;
  return {
    organizationId: row.organization_id,
    orders: row.orders,
    steps: steps?.n ?? 0,
    timeZone: row.time_zone,
    manager: { userId: row.user_id, membershipId: row.membership_id },
  };
}

const dialect = new PgDialect({ casing: 'snake_case' });
const captured = (statement: SQL): Captured => {
  const query = dialect.sqlToQuery(statement);
  return { query: query.sql, params: query.params };
};

/**
 * Every statement behind a chart, built by the same builders the services run
 * (server/services/insights/statements.ts) with the values the pages would pass: the buyer
 * insights of the largest organization over its default range — the whole organization, and
 * narrowed to a unit — and the staff overview.
 */
export function chartStatements(org: BenchOrganization, now: Date): { name: string; statement: Captured }[] {
  const range = insightsRange({}, now, org.timeZone);
  const spendRange = { start: range.months[0]?.start ?? range.start, end: range.months.at(-1)?.end ?? range.end };
  const whole: InsightsScope = { organizationId: org.organizationId, unitIds: null };
  // The bench's members all sit in the organization itself: narrowing to it reads the same rows through the unit filter.
  const unit: InsightsScope = { organizationId: org.organizationId, unitIds: [org.organizationId] };
  const days = daysEndingAt(now, OVERVIEW_DAYS, 'UTC');
  const dayRange = { start: days[0]?.start ?? now, end: days.at(-1)?.end ?? now };
  const buyer = (label: string, scope: InsightsScope) => [
    { name: `${label} · spend per month`, statement: q.spendByMonth(scope, spendRange, org.timeZone) },
    { name: `${label} · monthly limits`, statement: q.monthlyLimits(scope) },
    { name: `${label} · top requesters`, statement: q.topRequesters(scope, range, TOP_REQUESTERS) },
    { name: `${label} · approval outcomes`, statement: q.outcomes(scope, range) },
    { name: `${label} · steps waiting by age`, statement: q.waitingSteps(scope, now) },
    { name: `${label} · time to decision`, statement: q.decisionTimes(scope, range) },
    { name: `${label} · declines`, statement: q.declines(scope, range, LATEST_DECLINES) },
  ];
  return [
    ...buyer('largest org', whole),
    ...buyer('largest org, one unit', unit),
    { name: 'staff · orders per day by state', statement: q.ordersPerDay(days) },
    { name: 'staff · payment-review backlog', statement: q.paymentReview(now) },
    { name: 'staff · lead time per center', statement: q.leadTimes(dayRange) },
    { name: 'staff · failed captures', statement: q.failedCaptures(dayRange, 'UTC') },
    { name: 'staff · failed emails', statement: q.failedEmails(dayRange, 'UTC') },
    { name: 'staff · credit use', statement: q.creditUse(CREDIT_ROWS) },
  ].map(({ name, statement }) => ({ name, statement: captured(statement) }));
}

/** The watched tables a plan reads with a sequential scan. */
export function watchedSeqScans(statement: ExplainedStatement): string[] {
  const scanned = new Set([...statement.custom.seqScans, ...statement.generic.seqScans]);
  return WATCHED_TABLES.filter((table) => scanned.has(table));
}

/** EXPLAIN (ANALYZE, BUFFERS) of every chart statement, custom and generic plans, and its median time. */
export async function explainCharts(sql: Sql, org: BenchOrganization, now: Date): Promise<ExplainedStatement[]> {
  const results: ExplainedStatement[] = [];
  for (const { name, statement } of chartStatements(org, now)) results.push(await explain(sql, name, statement));
  return results;
}
