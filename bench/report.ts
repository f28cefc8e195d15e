import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { HISTORY_TARGET_MS, type HistoryResult } from './history';
import type { CpuBreakdown } from './cpu-profile';
import type { DatabaseAloneReport } from './database-alone';
import type { StatementFigure } from './diagnostics';
import type { PhaseResult } from './load-protocol';

/** Submit throughput must reach this share of the health baseline's (issue 14; issue 5 asked 40 %). */
export const SUBMIT_RATIO_TARGET = 0.2;

export const OUT_DIR = 'bench/.out';

export type PhaseReport = PhaseResult & {
  cpuCores?: Record<string, number>;
  loadAverage?: number;
  /** pg_stat_statements over the phase: statements run (per request) and the costliest ones. */
  /** With --cpu-profile: the app's CPU by package or project file (self time). */
  cpuProfile?: CpuBreakdown;
  statements?: { calls: number; totalMs: number; perRequest: number; execMsPerRequest: number; top: StatementFigure[] };
  waits?: Record<string, number>;
  db?: { commits: number; rollbacks: number; deadlocks: number; seqScans: Record<string, number> };
};

export type OrdersReport = {
  startedAt: string;
  machine: { cpus: number; memoryGiB: number; node: string; postgres: string; loadAverageAtStart: number };
  options: Record<string, unknown>;
  dataset: Record<string, number>;
  health?: PhaseReport;
  healthAfter?: PhaseReport;
  submit?: PhaseReport & { ordersBefore: number; ordersAfter: number };
  ratio?: number;
  /** Health's app CPU per request over submit's: the ratio's ceiling while the app process is the limit. */
  appCpuRatio?: number;
  history?: HistoryResult;
  /** The submit's statements sent straight from the bench process (bench/database-alone.ts). */
  databaseAlone?: DatabaseAloneReport;
  verdicts: Verdict[];
};

const pad = (value: string | number, width: number) => String(value).padStart(width);
const fmt = (n: number, digits = 1) =>
  n.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export type Verdict = { name: string; ok: boolean; detail: string };

export function printLoadTable(report: OrdersReport, print: (line: string) => void) {
  const phases = [report.health, report.submit, report.healthAfter].filter((phase): phase is PhaseReport =>
    Boolean(phase),
  );
  printPhases(phases, report.machine.cpus, print);
  if (report.submit) {
    const s = report.submit;
    print(
      `  submit outcomes: ${
        Object.entries(s.tally)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ') || '—'
      }`,
    );
    print(
      `  orders: ${s.ordersBefore.toLocaleString('en')} before, ${s.ordersAfter.toLocaleString('en')} after = ${(s.ordersAfter - s.ordersBefore).toLocaleString('en')} created; successful submits over the phase ${s.total.ok.toLocaleString('en')} of ${s.total.sent.toLocaleString('en')} sent`,
    );
  }
}

/** The load phases as a table, then each phase's errors, CPU, waits, statements and scans. */
export function printPhases(phases: readonly PhaseReport[], cpus: number, print: (line: string) => void) {
  print('');
  print(`HTTP at ${phases[0]?.connections ?? '?'} connections from a second process on 127.0.0.1:`);
  print(
    `  ${'phase'.padEnd(8)} ${pad('req/s', 9)} ${pad('p50 ms', 9)} ${pad('p90 ms', 9)} ${pad('p99 ms', 9)} ${pad('max ms', 9)} ${pad('requests', 9)} ${pad('errors', 7)}`,
  );
  for (const phase of phases) {
    const l = phase.latencyMs;
    print(
      `  ${phase.name.padEnd(8)} ${pad(fmt(phase.requestsPerSecond), 9)} ${pad(fmt(l.p50), 9)} ${pad(fmt(l.p90), 9)} ${pad(fmt(l.p99), 9)} ${pad(fmt(l.max), 9)} ${pad(phase.requests, 9)} ${pad(phase.errors, 7)}${phase.exhausted ? '  (ran out of prepared members: window shortened)' : ''}`,
    );
  }
  for (const phase of phases) {
    if (phase.errorSamples.length > 0) {
      print(`  ${phase.name} errors, first ${phase.errorSamples.length}:`);
      phase.errorSamples.forEach((sample) => print(`    ${sample}`));
    }
    if (phase.cpuCores) {
      const perRequest = Object.entries(phase.cpuCores)
        .map(([k, cores]) => `${k} ${fmt((cores * 1000) / Math.max(0.1, phase.requestsPerSecond), 2)} ms`)
        .join(', ');
      print(
        `  ${phase.name} CPU (cores busy of ${cpus}): ${Object.entries(phase.cpuCores)
          .map(([k, v]) => `${k} ${fmt(v, 2)}`)
          .join(', ')}; per request: ${perRequest}; machine load average ${fmt(phase.loadAverage ?? 0, 2)}`,
      );
    }
    if (phase.waits)
      print(
        `  ${phase.name} app DB connections (avg): ${
          Object.entries(phase.waits)
            .map(([k, v]) => `${k} ${fmt(v, 2)}`)
            .join(', ') || '—'
        }`,
      );
    if (phase.cpuProfile) {
      const cpu = phase.cpuProfile;
      print(
        `  ${phase.name} app CPU profile (${fmt(cpu.profiledMs / Math.max(1, phase.total.sent), 2)} ms busy per request), self time by origin:`,
      );
      print(`    ${cpu.byOrigin.map((o) => `${o.name} ${fmt(o.share)} %`).join(', ')}`);
      print('    busiest functions:');
      for (const f of cpu.byFunction.slice(0, 12)) print(`      ${pad(fmt(f.share), 5)} %  ${f.name}`);
    }
    if (phase.statements) {
      const st = phase.statements;
      print(
        `  ${phase.name} statements: ${st.calls.toLocaleString('en')} (${st.perRequest} per request), ${fmt(st.execMsPerRequest, 3)} ms of execution in PostgreSQL per request; costliest:`,
      );
      print(`    ${pad('calls', 7)} ${pad('total ms', 9)} ${pad('mean ms', 8)}  statement`);
      for (const t of st.top.slice(0, 12))
        print(
          `    ${pad(t.calls, 7)} ${pad(fmt(t.totalMs, 0), 9)} ${pad(fmt(t.meanMs, 3), 8)}  ${t.query.slice(0, 160)}`,
        );
    }
    if (phase.db) {
      const seq =
        Object.entries(phase.db.seqScans)
          .map(([t, n]) => `${t} ${n}`)
          .join(', ') || 'none';
      print(
        `  ${phase.name} PostgreSQL: ${phase.db.rollbacks} rollbacks, ${phase.db.deadlocks} deadlocks; seq scans by table: ${seq}`,
      );
    }
  }
}

export function printHistory(history: HistoryResult, print: (line: string) => void) {
  print('');
  print(
    `Order history at the database (db/queries/orders.ts orderHistoryPage, pages of 25): member ${history.membershipId} with ${history.orders.toLocaleString('en')} orders`,
  );
  print(
    `  target: every page < ${HISTORY_TARGET_MS} ms (planning + execution), no Seq Scan on orders; filtered lists (*) are shown, not counted`,
  );
  print(
    `  ${'query'.padEnd(22)} ${pad('exec ms', 9)} ${pad('plan ms', 9)} ${pad('median ms', 10)}  seq scan on orders`,
  );
  for (const c of history.cases) {
    print(
      `  ${`${c.name}${c.target ? '' : ' *'}`.padEnd(22)} ${pad(fmt(c.executionMs, 3), 9)} ${pad(fmt(c.planningMs, 3), 9)} ${pad(fmt(c.medianMs, 3), 10)}  ${c.seqScanOnOrders ? 'YES' : 'no'}`,
    );
  }
  const [first] = history.cases;
  if (first) {
    print('');
    print('  The page query (as drizzle sends it):');
    print(`    ${first.sql}`);
  }
  for (const c of history.cases) {
    print('');
    print(`  EXPLAIN (ANALYZE, BUFFERS) — ${c.name}:`);
    c.plan.split('\n').forEach((line) => print(`    ${line}`));
  }
}

export function printVerdicts(report: { verdicts: readonly Verdict[] }, print: (line: string) => void) {
  print('');
  print('Targets:');
  for (const v of report.verdicts) print(`  ${v.ok ? 'met   ' : 'MISSED'}  ${v.name}: ${v.detail}`);
}

/** Writes the figures to bench/.out/<benchmark>-<start time>.json. */
export async function writeReport(report: { startedAt: string }, benchmark = 'orders'): Promise<string> {
  await mkdir(OUT_DIR, { recursive: true });
  const file = path.join(OUT_DIR, `${benchmark}-${report.startedAt.replace(/[:.]/g, '-')}.json`);
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
