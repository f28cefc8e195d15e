import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from '@/db/schema';
import { inboxSchema } from '@/server/schemas/authorizations';
import { inboxPage, inboxRequesters, waitingCount } from '@/server/services/approvals/inbox';
import type { Sql } from './database';

/** An authorizer the approvals bench measures: the typical one or a heavy one. */
export type BenchAuthorizer = {
  label: string;
  n: number;
  membershipId: string;
  userId: string;
  organizationId: string;
  pending: number;
};

export type PlanFigures = { executionMs: number; planningMs: number; seqScans: string[]; plan: string };

export type ExplainedStatement = {
  /** Who and what: "heavy · inbox page". */
  name: string;
  sql: string;
  params: unknown[];
  /** The plan for these values (what PostgreSQL uses for a statement's first executions). */
  custom: PlanFigures;
  /** The generic plan a prepared statement may switch to after five executions (plan_cache_mode = force_generic_plan). */
  generic: PlanFigures;
  /**
   * Median wall time as the app runs it: drizzle over postgres.js sends an unnamed statement,
   * which PostgreSQL parses and plans for its values at every execution.
   */
  appMedianMs: number;
  /** Median wall time of the later runs as a named prepared statement (where a generic plan would take over). */
  preparedMedianMs: number;
};

export type Captured = { query: string; params: unknown[] };

const TIMED_RUNS = 12;

/** The typical authorizer (pending count nearest the median of the ordinary ones) and the heavy ones, by pending count. */
export async function benchAuthorizers(
  sql: Sql,
): Promise<{ typical: BenchAuthorizer; heavy: BenchAuthorizer[]; medianPending: number }> {
  const rows = await sql<
    { n: number; membership_id: string; user_id: string; organization_id: string; heavy: boolean; pending: number }[]
  >`
    select a.n, a.membership_id, a.user_id, a.organization_id, a.heavy,
      (select count(*) from approval_inbox i where i.membership_id = a.membership_id and i.state = 'pending')::int as pending
    from bench.authorizers a order by a.n`;
  const ordinary = rows.filter((row) => !row.heavy).sort((a, b) => a.pending - b.pending || a.n - b.n);
  const median = ordinary[Math.floor(ordinary.length / 2)]?.pending ?? 0;
  const typical = [...ordinary].sort(
    (a, b) => Math.abs(a.pending - median) - Math.abs(b.pending - median) || a.n - b.n,
  )[0];
  if (!typical) throw new Error('approvals: no authorizers; run with --reseed');
  const as = (label: string, row: (typeof rows)[number]): BenchAuthorizer => ({
    label,
    n: row.n,
    membershipId: row.membership_id,
    userId: row.user_id,
    organizationId: row.organization_id,
    pending: row.pending,
  });
  const heavy = rows
    .filter((row) => row.heavy)
    .sort((a, b) => b.pending - a.pending || a.n - b.n)
    .map((row) => as('heavy', row));
  return { typical: as('typical', typical), heavy, medianPending: median };
}

const literal = (value: unknown): string => {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  const text = value instanceof Date ? value.toISOString() : String(value);
  return `'${text.replaceAll("'", "''")}'`;
};

const figures = (plan: string): PlanFigures => {
  const number = (label: string) => Number(new RegExp(`${label}: ([0-9.]+) ms`).exec(plan)?.[1] ?? NaN);
  const seqScans = [...new Set([...plan.matchAll(/Seq Scan on (\w+)/g)].map((match) => match[1] ?? ''))];
  return { executionMs: number('Execution Time'), planningMs: number('Planning Time'), seqScans, plan };
};

const planText = (rows: readonly { 'QUERY PLAN': string }[]) => rows.map((row) => row['QUERY PLAN']).join('\n');

/** EXPLAIN (ANALYZE, BUFFERS) of one statement with its values, then of its generic plan, then timed as a prepared statement. */
export async function explain(sql: Sql, name: string, statement: Captured): Promise<ExplainedStatement> {
  const params = statement.params as never[];
  const custom = planText(
    await sql.unsafe<{ 'QUERY PLAN': string }[]>(`explain (analyze, buffers) ${statement.query}`, params),
  );
  const generic = await sql.begin(async (tx) => {
    await tx.unsafe('set local plan_cache_mode = force_generic_plan');
    await tx.unsafe(`prepare bench_generic as ${statement.query}`);
    const args = statement.params.length ? `(${statement.params.map(literal).join(', ')})` : '';
    const rows = await tx.unsafe<{ 'QUERY PLAN': string }[]>(`explain (analyze, buffers) execute bench_generic${args}`);
    await tx.unsafe('deallocate bench_generic');
    return planText(rows);
  });
  const connection = await sql.reserve();
  const timed = async (prepare: boolean) => {
    const times: number[] = [];
    for (let run = 0; run < TIMED_RUNS; run++) {
      const started = performance.now();
      await connection.unsafe(statement.query, params, { prepare });
      times.push(performance.now() - started);
    }
    // The later half: a prepared statement has settled on its plan by then.
    return median(times.slice(TIMED_RUNS / 2));
  };
  try {
    const appMedianMs = await timed(false);
    const preparedMedianMs = await timed(true);
    return {
      name,
      sql: statement.query,
      params: statement.params,
      custom: figures(custom),
      generic: figures(generic),
      appMedianMs,
      preparedMedianMs,
    };
  } finally {
    connection.release();
  }
}

const median = (values: readonly number[]) =>
  Math.round(([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0) * 1000) / 1000;

/** Names a statement of the inbox page by what it reads. */
function pageStatementName(query: string): string {
  if (/count\(\*\)/.test(query)) return 'inbox total';
  if (/from "approval_inbox"/.test(query)) return 'inbox page';
  if (/from "orders"/.test(query)) return 'page orders and requesters';
  return 'names of authorizers away';
}

/**
 * The inbox and the waiting count exactly as the app reads them for these authorizers: calls the
 * services the tRPC procedures call (server/services/approvals/inbox.ts: the first page of the
 * pending tab with its total and rows, the requesters for the filter, the count), captures the
 * SQL drizzle sends, and explains each statement.
 */
export async function explainInbox(
  sql: Sql,
  databaseUrl: string,
  authorizers: readonly BenchAuthorizer[],
): Promise<ExplainedStatement[]> {
  const captured: Captured[] = [];
  // A client of its own: drizzle changes the date parsing of the client it is given.
  const client = postgres(databaseUrl, { max: 1, onnotice: () => undefined });
  try {
    return await explainWith(
      sql,
      drizzle(client, {
        schema,
        casing: 'snake_case',
        logger: { logQuery: (query, params) => void captured.push({ query, params }) },
      }),
      captured,
      authorizers,
    );
  } finally {
    await client.end();
  }
}

async function explainWith(
  sql: Sql,
  db: Parameters<typeof waitingCount>[0],
  captured: Captured[],
  authorizers: readonly BenchAuthorizer[],
): Promise<ExplainedStatement[]> {
  const results: ExplainedStatement[] = [];
  const calls = (who: BenchAuthorizer): [(query: string) => string, () => Promise<unknown>][] => [
    [
      pageStatementName,
      () =>
        inboxPage(
          db,
          { membershipId: who.membershipId, organizationId: who.organizationId, permissions: new Set(['prices.view']) },
          inboxSchema.parse({}),
        ),
    ],
    [() => 'requesters filter', () => inboxRequesters(db, who)],
    [() => 'waiting count', () => waitingCount(db, who)],
  ];
  for (const who of authorizers) {
    for (const [name, call] of calls(who)) {
      captured.length = 0;
      await call();
      for (const statement of [...captured])
        results.push(await explain(sql, `${who.label} · ${name(statement.query)}`, statement));
    }
  }
  return results;
}
