import { drizzle } from 'drizzle-orm/postgres-js';
import * as schema from '@/db/schema';
import { orderHistoryPage, type HistoryFilters, type HistoryPage } from '@/db/queries/orders';
import type { Sql } from './database';
import { HISTORY_MEMBER_N } from './seed-data';

/** The database budget of one page of order history (issue 5). */
export const HISTORY_TARGET_MS = 20;
const PAGE_SIZE = 25;
const TIMED_RUNS = 15;

export type HistoryCase = {
  name: string;
  /** Counted against the target: the pages a buyer walks; filtered searches are shown beside them. */
  target: boolean;
  /** PostgreSQL's own planning + execution time from EXPLAIN ANALYZE. */
  executionMs: number;
  planningMs: number;
  /** Median wall time of the same statement sent from this process (round trip included). */
  medianMs: number;
  seqScanOnOrders: boolean;
  plan: string;
  sql: string;
};

export type HistoryResult = {
  membershipId: string;
  orders: number;
  cases: HistoryCase[];
  worstMs: number;
  ok: boolean;
};

type Captured = { query: string; params: unknown[] };

/**
 * Measures the history exactly as `orders.list` reads it: it calls db/queries/orders.ts
 * `orderHistoryPage` (own orders of the member with 10,000, newest first, keyset pages of 25),
 * captures the SQL drizzle sends, and runs that with EXPLAIN (ANALYZE, BUFFERS).
 */
export async function measureHistory(sql: Sql): Promise<HistoryResult> {
  const [member] = await sql<{ membership_id: string; organization_id: string; orders: number }[]>`
    select m.membership_id, m.organization_id, (select count(*)::int from orders o where o.membership_id = m.membership_id) as orders
    from bench.members m where m.n = ${HISTORY_MEMBER_N}`;
  if (!member) throw new Error('history: the history member is missing; run with --reseed');
  let captured: Captured | undefined;
  const db = drizzle(sql, {
    schema,
    casing: 'snake_case',
    logger: { logQuery: (query, params) => void (captured = { query, params }) },
  });
  const reach = { scope: 'own' as const, membershipId: member.membership_id };
  const read = (filters: HistoryFilters, page: HistoryPage) =>
    orderHistoryPage(db, member.organization_id, reach, filters, page);

  /** The cursor a pager holds after walking `pages` pages from the newest. */
  const cursorAfter = async (pages: number) => {
    const [edge] = await sql<{ id: string }[]>`
      select id from orders where membership_id = ${member.membership_id}
      order by submitted_at desc nulls last, id desc nulls last offset ${pages * PAGE_SIZE - 1} limit 1`;
    if (!edge) throw new Error(`history: fewer than ${pages * PAGE_SIZE} orders`);
    return edge.id;
  };
  const lastPage = Math.floor((member.orders - 1) / PAGE_SIZE);
  const older = (cursor?: string): HistoryPage => ({ cursor, direction: 'older', pageSize: PAGE_SIZE });
  const cases: { name: string; target: boolean; run: () => Promise<unknown> }[] = [
    { name: 'page 1', target: true, run: () => read({}, older()) },
    { name: 'page 2 (older)', target: true, run: async () => read({}, older(await cursorAfter(1))) },
    { name: 'page 10 (older)', target: true, run: async () => read({}, older(await cursorAfter(9))) },
    {
      name: `page ${lastPage + 1} (last)`,
      target: true,
      run: async () => read({}, older(await cursorAfter(lastPage))),
    },
    {
      name: 'page 9 (newer)',
      target: true,
      run: async () => read({}, { cursor: await cursorAfter(9), direction: 'newer', pageSize: PAGE_SIZE }),
    },
    { name: 'status shipped', target: false, run: () => read({ status: 'shipped' }, older()) },
    { name: 'status payment rev.', target: false, run: () => read({ status: 'payment_review' }, older()) },
    { name: 'search "CS-1000"', target: false, run: () => read({ search: 'CS-1000' }, older()) },
  ];

  const results: HistoryCase[] = [];
  for (const c of cases) {
    captured = undefined;
    await c.run();
    // The last statement is the page itself (a cursor lookup above runs through `sql`, not drizzle).
    const page = captured as Captured | undefined;
    if (!page) throw new Error(`history: no query captured for ${c.name}`);
    const explained = await sql.unsafe<{ 'QUERY PLAN': string }[]>(
      `explain (analyze, buffers) ${page.query}`,
      page.params as never[],
    );
    const plan = explained.map((row) => row['QUERY PLAN']).join('\n');
    const times: number[] = [];
    for (let run = 0; run < TIMED_RUNS; run++) {
      const started = performance.now();
      await sql.unsafe(page.query, page.params as never[]);
      times.push(performance.now() - started);
    }
    const number = (label: string) => Number(new RegExp(`${label}: ([0-9.]+) ms`).exec(plan)?.[1] ?? NaN);
    results.push({
      name: c.name,
      target: c.target,
      executionMs: number('Execution Time'),
      planningMs: number('Planning Time'),
      medianMs: [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0,
      seqScanOnOrders: /Seq Scan on orders\b/.test(plan),
      plan,
      sql: page.query,
    });
  }
  const counted = results.filter((c) => c.target);
  const worstMs = Math.max(...counted.map((c) => c.executionMs + c.planningMs));
  return {
    membershipId: member.membership_id,
    orders: member.orders,
    cases: results,
    worstMs,
    ok: worstMs < HISTORY_TARGET_MS && results.every((c) => !c.seqScanOnOrders),
  };
}
