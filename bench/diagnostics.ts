import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Sql } from './database';

/**
 * What the machine did during a phase: CPU seconds of each process tree (the app, PostgreSQL,
 * the load generator) from /proc, PostgreSQL's counters, and what the app's connections were
 * waiting on, sampled from pg_stat_activity. Linux only; elsewhere the CPU part stays empty.
 */

const TICKS_PER_SECOND = 100;

function processTable(): Map<number, { ppid: number; ticks: number }> {
  const table = new Map<number, { ppid: number; ticks: number }>();
  let entries: string[] = [];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return table;
  }
  for (const pid of entries) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // Fields after the command name, which may hold spaces: state is field 3, ppid 4, utime 14, stime 15.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      table.set(Number(pid), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // the process ended meanwhile
    }
  }
  return table;
}

function treeTicks(table: Map<number, { ppid: number; ticks: number }>, root: number): number {
  let ticks = 0;
  for (const [pid, entry] of table) {
    let at: number | undefined = pid;
    let entryOf = entry;
    while (at && at !== root && entryOf) {
      at = entryOf.ppid;
      entryOf = table.get(at) ?? { ppid: 0, ticks: 0 };
    }
    if (at === root) ticks += entry.ticks;
  }
  return ticks;
}

/** The embedded server's postmaster, from its pid file (0 when PostgreSQL is not ours). */
export function postmasterPid(dataDir: string): number {
  try {
    return Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]) || 0;
  } catch {
    return 0;
  }
}

export type CpuMeter = { stop: () => Record<string, number> };

/** CPU used by each named process tree from now until stop(), in cores (1.0 = one core busy). */
export function meterCpu(trees: Record<string, number>): CpuMeter {
  const startedAt = performance.now();
  const before = processTable();
  const startTicks = Object.fromEntries(
    Object.entries(trees).map(([name, pid]) => [name, pid ? treeTicks(before, pid) : 0]),
  );
  return {
    stop: () => {
      const seconds = (performance.now() - startedAt) / 1000;
      const after = processTable();
      return Object.fromEntries(
        Object.entries(trees).map(([name, pid]) => [
          name,
          pid
            ? Math.round(((treeTicks(after, pid) - (startTicks[name] ?? 0)) / TICKS_PER_SECOND / seconds) * 100) / 100
            : 0,
        ]),
      );
    },
  };
}

export type WaitSample = { samples: number; busy: Record<string, number> };

/**
 * Samples the app's PostgreSQL connections every 100 ms: how many were active and on what they
 * waited (Lock/transactionid = a row lock held by another transaction, Client/ClientRead = the
 * app had not sent the next statement yet, IO/WALSync = commit flush …), as average connections.
 */
export function sampleWaits(sql: Sql): { stop: () => Promise<WaitSample> } {
  const counts: Record<string, number> = {};
  let samples = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const rows = await sql<{ wait: string; n: number }[]>`
        select case when state = 'idle' then 'idle (no transaction)'
                    when state = 'idle in transaction' then 'idle in transaction (app working)'
                    else coalesce(wait_event_type || '/' || wait_event, 'running on CPU') end as wait,
               count(*)::int as n
        from pg_stat_activity where application_name = 'countersign' and datname = current_database() group by 1`.catch(
        () => [],
      );
      samples++;
      for (const row of rows) counts[row.wait] = (counts[row.wait] ?? 0) + row.n;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      const busy = Object.fromEntries(
        Object.entries(counts)
          .sort((a, b) => b[1] - a[1])
          .map(([wait, n]) => [wait, Math.round((n / Math.max(1, samples)) * 100) / 100]),
      );
      return { samples, busy };
    },
  };
}

export type DbCounters = { commits: number; rollbacks: number; deadlocks: number; seqScans: Record<string, number> };

/** Commits, rollbacks, deadlocks and sequential scans per table so far (differences tell a phase). */
export async function dbCounters(sql: Sql): Promise<DbCounters> {
  const [db] = await sql<{ commits: number; rollbacks: number; deadlocks: number }[]>`
    select xact_commit::float8 as commits, xact_rollback::float8 as rollbacks, deadlocks::float8 as deadlocks from pg_stat_database where datname = current_database()`;
  const tables = await sql<
    { name: string; seq: number }[]
  >`select relname as name, seq_scan::float8 as seq from pg_stat_user_tables where schemaname = 'public'`;
  return {
    commits: db?.commits ?? 0,
    rollbacks: db?.rollbacks ?? 0,
    deadlocks: db?.deadlocks ?? 0,
    seqScans: Object.fromEntries(tables.map((t) => [t.name, t.seq])),
  };
}

export function counterDelta(before: DbCounters, after: DbCounters) {
  const seqScans = Object.fromEntries(
    Object.entries(after.seqScans)
      .map(([name, n]) => [name, n - (before.seqScans[name] ?? 0)] as const)
      .filter(([, n]) => n > 0)
      .sort((a, b) => b[1] - a[1]),
  );
  return {
    commits: after.commits - before.commits,
    rollbacks: after.rollbacks - before.rollbacks,
    deadlocks: after.deadlocks - before.deadlocks,
    seqScans,
  };
}

export async function resetStatements(sql: Sql): Promise<void> {
  await sql.unsafe('select pg_stat_statements_reset()').catch(() => undefined);
}

export type StatementFigure = { query: string; calls: number; totalMs: number; meanMs: number; rows: number };

/** The app's statements since the reset, by total execution time, and how many statements ran in all. */
export async function topStatements(
  sql: Sql,
  limit: number,
): Promise<{ calls: number; totalMs: number; top: StatementFigure[] } | null> {
  try {
    const rows = await sql.unsafe<{ query: string; calls: number; total_ms: number; mean_ms: number; rows: number }[]>(`
      select query, calls::float8 as calls, total_exec_time as total_ms, mean_exec_time as mean_ms, rows::float8 as rows
      from pg_stat_statements
      where dbid = (select oid from pg_database where datname = current_database()) and query !~ 'pg_stat_|pg_catalog\\.|count\\(\\*\\)::int as n from orders'
      order by total_exec_time desc`);
    const round = (n: number) => Math.round(n * 1000) / 1000;
    return {
      calls: rows.reduce((sum, row) => sum + row.calls, 0),
      totalMs: round(rows.reduce((sum, row) => sum + row.total_ms, 0)),
      top: rows.slice(0, limit).map((row) => ({
        query: row.query.replace(/\s+/g, ' ').slice(0, 400),
        calls: row.calls,
        totalMs: round(row.total_ms),
        meanMs: round(row.mean_ms),
        rows: row.rows,
      })),
    };
  } catch {
    return null;
  }
}
