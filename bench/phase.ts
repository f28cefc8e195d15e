import os from 'node:os';
import { BENCH_APP_URL } from './app-server';
import { BENCH_PG_DIR, type BenchDatabase } from './database';
import {
  counterDelta,
  dbCounters,
  meterCpu,
  postmasterPid,
  resetStatements,
  sampleWaits,
  topStatements,
} from './diagnostics';
import type { LoadGenerator } from './load';
import type { PhaseSpec } from './load-protocol';
import type { PhaseReport } from './report';

/**
 * A just-started app opens its database connections (SCRAM authentication costs CPU) and loads
 * route code on the first requests; a burst of health checks does that before anything is timed.
 */
export async function prime(connections: number) {
  for (let round = 0; round < 3; round++) {
    await Promise.all(
      Array.from({ length: connections }, () =>
        fetch(`${BENCH_APP_URL}/api/health`).then(
          (r) => r.text(),
          () => '',
        ),
      ),
    );
  }
}

/** Runs one load phase with CPU, wait-event and counter diagnostics around it. */
export async function measured(
  db: BenchDatabase,
  load: LoadGenerator,
  appPid: number,
  spec: PhaseSpec,
): Promise<PhaseReport> {
  await resetStatements(db.sql);
  const counters = await dbCounters(db.sql);
  const cpu = meterCpu({
    app: appPid,
    postgres: db.embedded ? postmasterPid(BENCH_PG_DIR) : 0,
    'load generator': load.pid,
  });
  const waits = sampleWaits(db.sql);
  const result = await load.run(spec);
  const cpuCores = cpu.stop();
  const sampled = await waits.stop();
  // Other work on the machine skews the figures: the 1-minute load average at the end says how much.
  const statements = await topStatements(db.sql, 40);
  const requests = Math.max(1, result.total.ok + result.total.errors);
  return {
    ...result,
    cpuCores,
    loadAverage: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
    waits: sampled.busy,
    db: counterDelta(counters, await dbCounters(db.sql)),
    ...(statements
      ? {
          statements: {
            ...statements,
            perRequest: Math.round((statements.calls / requests) * 10) / 10,
            execMsPerRequest: Math.round((statements.totalMs / requests) * 1000) / 1000,
          },
        }
      : {}),
  };
}

/** App CPU milliseconds per request of a phase (the app is one Node.js process). */
export const appMsPerRequest = (phase: PhaseReport) =>
  ((phase.cpuCores?.app ?? 0) * 1000) / Math.max(0.1, phase.requestsPerSecond);
