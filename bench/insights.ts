import { BENCH_APP_URL, BENCH_AUTH_SECRET } from './app-server';
import { approvalsDataset } from './approvals-data';
import { benchAuthorizers, type ExplainedStatement } from './approvals-queries';
import type { BenchDatabase, Sql } from './database';
import { benchHarness, startMeasuring, startRun } from './harness';
import {
  CHART_QUERY_TARGET_MS,
  explainCharts,
  largestOrganization,
  watchedSeqScans,
  WATCHED_TABLES,
  type BenchOrganization,
} from './insights-queries';
import type { PhaseRequest, PhaseSpec } from './load-protocol';
import type { BenchOptions } from './options';
import { appMsPerRequest } from './phase';
import { printPhases, printVerdicts, writeReport, type PhaseReport, type Verdict } from './report';
import { ordersDataset } from './seed-data';
import { openSessions } from './sessions';

/**
 * `npm run bench:insights`: issue 15's benchmark, on the orders and approvals data set (1,000,000
 * orders, 300,000+ approval steps). Explains every statement behind a chart — the buyer insights
 * of the largest organization (whole, and narrowed to a unit) and the staff overview — with
 * EXPLAIN (ANALYZE, BUFFERS), custom and generic plans, and flags any sequential scan on orders or
 * approval steps; then drives the production build: the insights page as that organization's
 * account manager against the inbox page as the typical authorizer, comparing the app's CPU per
 * request. Prints the figures and the targets; exits 1 when a target is missed, 2 when it could not run.
 */

/** The insights page may cost at most this many times the inbox page's app CPU per request. */
const INSIGHTS_VS_INBOX_CPU_TARGET = 2;

const PHONE = {
  'user-agent':
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1',
  accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  'accept-encoding': 'gzip, deflate, br',
  'accept-language': 'en-US,en;q=0.9',
};

const harness = benchHarness('bench:insights');
const { log, print } = harness;

const PARTS = [ordersDataset, approvalsDataset];

type InsightsReport = {
  startedAt: string;
  machine: Record<string, unknown>;
  options: Record<string, unknown>;
  dataset: Record<string, number>;
  organization?: BenchOrganization & { now: string };
  explain?: (ExplainedStatement & { watchedSeqScans: string[] })[];
  phases?: PhaseReport[];
  cpu?: Record<string, number>;
  verdicts: Verdict[];
};

async function datasetCounts(sql: Sql) {
  const [row] = await sql<Record<string, number>[]>`
    select (select count(*) from orders)::int as orders,
      (select count(*) from approval_steps)::int as "approvalSteps",
      (select count(*) from organizations where parent_id is null and kind = 'buyer')::int as organizations`;
  return row ?? {};
}

/** The data set's "now": when its approvals part was seeded, so the ages and ranges are the ones it was built for. */
async function datasetNow(sql: Sql): Promise<Date> {
  const [row] = await sql<{ as_of: Date }[]>`select as_of from bench.approvals_meta limit 1`;
  return row ? new Date(row.as_of) : new Date();
}

function printExplain(statements: NonNullable<InsightsReport['explain']>) {
  print('');
  print('Statements behind the charts (server/services/insights/statements.ts), EXPLAIN (ANALYZE, BUFFERS):');
  print(
    '  execution: the plan for these values (custom) / the generic plan a prepared statement can switch to; app: median wall time as the app sends it',
  );
  print(
    `  ${'statement'.padEnd(44)} ${'custom ms'.padStart(10)} ${'generic ms'.padStart(11)} ${'app ms'.padStart(8)}  seq scan on ${WATCHED_TABLES.join('/')}`,
  );
  for (const s of statements) {
    print(
      `  ${s.name.padEnd(44)} ${s.custom.executionMs.toFixed(3).padStart(10)} ${s.generic.executionMs.toFixed(3).padStart(11)} ${s.appMedianMs.toFixed(3).padStart(8)}  ${s.watchedSeqScans.length ? `YES: ${s.watchedSeqScans.join(', ')}` : 'none'}`,
    );
  }
  for (const s of statements) {
    print('');
    print(`  ${s.name}:`);
    s.sql
      .trim()
      .split('\n')
      .forEach((line) => print(`    ${line.trim()}`));
    print(`    params: ${JSON.stringify(s.params)}`);
    print('    custom plan:');
    s.custom.plan.split('\n').forEach((line) => print(`      ${line}`));
    print('    generic plan:');
    s.generic.plan.split('\n').forEach((line) => print(`      ${line}`));
  }
}

async function main(): Promise<number> {
  const started = await startRun(PARTS, harness, datasetCounts);
  const { options, db } = started;
  const report: InsightsReport = started.report;

  const org = await largestOrganization(db.sql);
  const now = await datasetNow(db.sql);
  report.organization = { ...org, now: now.toISOString() };
  log(
    `Largest organization: ${org.organizationId} with ${org.orders.toLocaleString('en')} orders and ${org.steps.toLocaleString('en')} approval steps; now = ${now.toISOString()}`,
  );

  log('Explaining the chart statements …');
  report.explain = (await explainCharts(db.sql, org, now)).map((s) => ({ ...s, watchedSeqScans: watchedSeqScans(s) }));
  printExplain(report.explain);
  const slow = report.explain.filter((s) => !(s.custom.executionMs <= CHART_QUERY_TARGET_MS));
  const scanned = report.explain.filter((s) => s.watchedSeqScans.length > 0);
  report.verdicts.push(
    {
      name: `every chart statement ≤ ${CHART_QUERY_TARGET_MS} ms at the database (execution, custom plan)`,
      ok: slow.length === 0,
      detail: slow.length
        ? slow.map((s) => `${s.name}: ${s.custom.executionMs} ms`).join('; ')
        : `${report.explain.length} statements, slowest ${Math.max(...report.explain.map((s) => s.custom.executionMs)).toFixed(1)} ms`,
    },
    {
      name: `no sequential scan on ${WATCHED_TABLES.join(' or ')} (custom and generic plans)`,
      ok: scanned.length === 0,
      detail: scanned.length
        ? scanned.map((s) => `${s.name}: ${s.watchedSeqScans.join(', ')}`).join('; ')
        : `${report.explain.length} statements, none`,
    },
  );

  if (!options.dbOnly) await measureHttp(db, options, report, org);

  printVerdicts(report, print);
  const file = await writeReport(report, 'insights');
  log(`Figures written to ${file}`);
  return report.verdicts.every((v) => v.ok) ? 0 : 1;
}

async function measureHttp(db: BenchDatabase, options: BenchOptions, report: InsightsReport, org: BenchOrganization) {
  const stamp = report.startedAt.replace(/[:.]/g, '-');
  const { runPhase, stop } = await startMeasuring(db, options, harness, { label: 'insights-', stamp });
  const { typical } = await benchAuthorizers(db.sql);
  const [managerCookie = '', authorizerCookie = ''] = await openSessions(db.sql, [org.manager, typical], {
    secret: BENCH_AUTH_SECRET,
    maxAgeSeconds: 12 * 3600,
    userAgent: PHONE['user-agent'],
  });
  const phone = (cookie: string, request: Omit<PhaseRequest, 'headers'>): PhaseRequest => ({
    ...request,
    headers: { ...PHONE, cookie },
  });
  const common = {
    baseUrl: BENCH_APP_URL,
    connections: options.connections,
    warmupMs: options.warmupSeconds * 1000,
    durationMs: options.durationSeconds * 1000,
  };
  const phases: [string, PhaseSpec][] = [
    [
      'GET /api/health',
      { ...common, name: 'health', repeat: { method: 'GET', path: '/api/health' }, expect: { kind: 'health' } },
    ],
    [
      `GET /authorizations as the typical authorizer (#${typical.n}, ${typical.pending} pending)`,
      {
        ...common,
        name: 'inbox',
        repeat: phone(authorizerCookie, { method: 'GET', path: '/authorizations' }),
        expect: { kind: 'html', contains: 'data-testid="inbox-count"' },
      },
    ],
    [
      `GET /admin/insights as the largest organization's account manager (${org.orders.toLocaleString('en')} orders)`,
      {
        ...common,
        name: 'insights',
        repeat: phone(managerCookie, { method: 'GET', path: '/admin/insights' }),
        expect: { kind: 'html', contains: 'data-testid="chart-spend"' },
      },
    ],
    [
      'GET /api/health again',
      { ...common, name: 'health2', repeat: { method: 'GET', path: '/api/health' }, expect: { kind: 'health' } },
    ],
  ];
  const timing = `${options.connections} connections, ${options.warmupSeconds} s warm-up + ${options.durationSeconds} s`;
  const results: PhaseReport[] = [];
  for (const [what, spec] of phases) {
    log(`${what}: ${timing} …`);
    results.push(await runPhase(spec));
  }
  await stop();
  report.phases = results;

  const [health, inbox, insights, health2] = results as [PhaseReport, PhaseReport, PhaseReport, PhaseReport];
  const inboxMs = appMsPerRequest(inbox);
  const insightsMs = appMsPerRequest(insights);
  const ratio = Math.round((insightsMs / Math.max(0.001, inboxMs)) * 1000) / 1000;
  report.cpu = {
    healthMs: (appMsPerRequest(health) + appMsPerRequest(health2)) / 2,
    inboxMs,
    insightsMs,
    insightsVsInbox: ratio,
  };
  printPhases(results, Number(report.machine.cpus ?? 0), print);
  print('');
  print(
    `  app CPU per request: inbox ${inboxMs.toFixed(2)} ms, insights ${insightsMs.toFixed(2)} ms = ${ratio.toFixed(2)}× (target ≤ ${INSIGHTS_VS_INBOX_CPU_TARGET}×); insights ${insights.requestsPerSecond} req/s, p99 ${insights.latencyMs.p99} ms`,
  );
  const errors = results.reduce((sum, phase) => sum + phase.total.errors, 0);
  report.verdicts.push(
    {
      name: `insights page ≤ ${INSIGHTS_VS_INBOX_CPU_TARGET}× the inbox page's app CPU per request`,
      ok: ratio <= INSIGHTS_VS_INBOX_CPU_TARGET,
      detail: `${insightsMs.toFixed(2)} vs ${inboxMs.toFixed(2)} ms = ${ratio.toFixed(2)}×`,
    },
    {
      name: 'no errors',
      ok: errors === 0,
      detail: results.map((phase) => `${phase.name} ${phase.total.errors}`).join(', '),
    },
  );
}

harness.run(main);
