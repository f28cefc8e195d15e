import os from 'node:os';
import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import { appEnvironment, buildApp, hasBuild, startApp, type AppServer } from './app-server';
import { summarizeCpuProfiles } from './cpu-profile';
import { openBenchDatabase, type BenchDatabase } from './database';
import { datasetState, seedParts, type DatasetPart } from './dataset';
import { startLoadGenerator } from './load';
import type { PhaseSpec } from './load-protocol';
import { parseOptions, type BenchOptions } from './options';
import { holdOutbox } from './outbox';
import { measured, prime } from './phase';
import { OUT_DIR, type PhaseReport, type Verdict } from './report';

/**
 * What every benchmark (orders, approvals) runs in: a timed log, the cleanups that stop the app
 * and PostgreSQL however the run ends (a signal included), and the exit codes — 0 targets met,
 * 1 a target missed, 2 the run failed.
 */
export function benchHarness(name: string) {
  const began = performance.now();
  const log = (line: string) =>
    console.log(`[${name} ${((performance.now() - began) / 1000).toFixed(0).padStart(4)} s] ${line}`);
  const print = (line: string) => console.log(line);
  const cleanups: (() => Promise<void> | void)[] = [];
  const cleanUp = async () => {
    for (const cleanup of cleanups.splice(0).reverse())
      await Promise.resolve(cleanup()).catch((error: unknown) => console.error(error));
  };
  let interrupted = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      interrupted = true;
      log(`${signal}: stopping the app and PostgreSQL …`);
      void cleanUp().finally(() => process.exit(130));
    });
  }
  const run = (main: () => Promise<number>) =>
    main()
      .then(async (code) => {
        await cleanUp();
        process.exit(code);
      })
      .catch(async (error: unknown) => {
        if (interrupted) return; // the signal handler stops everything and exits
        console.error(error);
        await cleanUp();
        process.exit(2);
      });
  return { log, print, cleanups, run };
}

export type BenchHarness = ReturnType<typeof benchHarness>;

/** Opens the bench database and seeds the parts it lacks; a stale data set is seeded again from scratch. */
async function prepareDataset(
  parts: DatasetPart[],
  options: BenchOptions,
  { log, cleanups }: BenchHarness,
): Promise<BenchDatabase> {
  let db = await openBenchDatabase({ fresh: options.reseed, log });
  let state = await datasetState(db.sql, parts);
  if (state.kind === 'stale') {
    if (!db.embedded)
      throw new Error(`BENCH_DATABASE_URL holds ${state.reason}; run with --reseed to empty it and seed again.`);
    log(`The bench database holds ${state.reason}: seeding again.`);
    await db.stop();
    db = await openBenchDatabase({ fresh: true, log });
    state = { kind: 'missing', parts };
  }
  cleanups.push(db.stop);
  if (state.kind === 'ready')
    log(
      `Data set already seeded (${state.seededAt.toISOString()}, took ${state.seconds.toFixed(0)} s); --reseed seeds it again.`,
    );
  else await seedParts(db.sql, state.parts, log);
  return db;
}

/** The machine a report's figures come from. */
async function machineFacts(db: BenchDatabase) {
  const [{ server_version: postgres = '?' } = {}] = await db.sql<{ server_version: string }[]>`show server_version`;
  return {
    cpus: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    postgres,
    loadAverageAtStart: os.loadavg()[0] ?? 0,
  };
}

/**
 * A run's start: its options from the command line, the seeded database, and the report's
 * opening fields (when, on what machine, with which options, over what data set).
 */
export async function startRun(
  parts: DatasetPart[],
  harness: BenchHarness,
  datasetCounts: (sql: BenchDatabase['sql']) => Promise<Record<string, number>>,
) {
  const options = parseOptions(process.argv.slice(2));
  const startedAt = new Date().toISOString();
  const db = await prepareDataset(parts, options, harness);
  const dataset = await datasetCounts(db.sql);
  harness.log(
    `Data set: ${Object.entries(dataset)
      .map(([k, v]) => `${v.toLocaleString('en')} ${k}`)
      .join(', ')}`,
  );
  const report = {
    startedAt,
    machine: await machineFacts(db),
    options: { ...options },
    dataset,
    verdicts: [] as Verdict[],
  };
  return { options, db, report };
}

/**
 * Builds the production app (or reuses the build with --skip-build), holds the outbox, and starts
 * the load generator; returns the phase runner. One app serves every phase; with --cpu-profile
 * each phase gets an app of its own, so that each profile is one phase's.
 */
export async function startMeasuring(
  db: BenchDatabase,
  options: BenchOptions,
  { log, cleanups }: BenchHarness,
  files: { label: string; stamp: string },
) {
  const env = appEnvironment(db.url, { poolSize: options.poolSize });
  if (options.skipBuild && hasBuild()) log('Reusing the production build in .data/next-bench (--skip-build).');
  else {
    log('Building the production app into .data/next-bench (next build) …');
    await buildApp(env, log);
  }
  await holdOutbox(db.sql, options.email === 'hold');
  cleanups.push(() => holdOutbox(db.sql, false));
  await mkdir(OUT_DIR, { recursive: true });
  const load = startLoadGenerator();
  cleanups.push(load.stop);

  let app: AppServer | undefined;
  /** The running app, started when there is none (its log beside the figures). */
  const ensureApp = async (logSuffix = '', nodeArgs: string[] = []): Promise<AppServer> => {
    if (app) return app;
    const started = await startApp(
      env,
      path.join(OUT_DIR, `app-${files.label}${files.stamp}${logSuffix}.log`),
      log,
      nodeArgs,
    );
    cleanups.push(started.stop);
    app = started;
    return started;
  };
  const runPhase = async (spec: PhaseSpec): Promise<PhaseReport> => {
    const profileDir = path.join(OUT_DIR, `cpu-${files.label}${files.stamp}-${spec.name}`);
    let running = app;
    if (!running) {
      running = await ensureApp(
        options.cpuProfile ? `-${spec.name}` : '',
        options.cpuProfile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
      );
      await prime(options.connections);
    }
    const phase = await measured(db, load, running.pid, spec);
    if (!options.cpuProfile) return phase;
    await running.stop();
    app = undefined;
    const cpuProfile = await summarizeCpuProfiles(profileDir);
    return cpuProfile ? { ...phase, cpuProfile } : phase;
  };
  const stop = async () => {
    load.stop();
    await app?.stop();
  };
  return { runPhase, ensureApp, stop };
}
