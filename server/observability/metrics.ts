import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The Prometheus registry and every metric of the app, created once per process: kept on
 * globalThis, because `next dev` reloads modules and prom-client refuses a metric registered twice.
 */
function createMetrics() {
  const registry = new Registry();
  const seconds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
  return {
    registry,
    httpDuration: new Histogram({
      name: 'countersign_http_request_duration_seconds',
      help: 'Route handler requests: time to the response, by route and status.',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: seconds,
      registers: [registry],
    }),
    procedureDuration: new Histogram({
      name: 'countersign_trpc_procedure_duration_seconds',
      help: 'tRPC procedure calls by path, type and outcome (ok or the error code).',
      labelNames: ['procedure', 'type', 'outcome'] as const,
      buckets: seconds,
      registers: [registry],
    }),
    procedureErrors: new Counter({
      name: 'countersign_trpc_procedure_errors_total',
      help: 'tRPC procedure calls that ended in an error, by path and error code.',
      labelNames: ['procedure', 'code'] as const,
      registers: [registry],
    }),
    databaseInUse: new Gauge({
      name: 'countersign_db_pool_connections_in_use',
      help: 'Pool connections busy now: open transactions plus single statements running, at most the pool size.',
      registers: [registry],
    }),
    databaseWaiting: new Gauge({
      name: 'countersign_db_pool_waiting',
      help: 'Statements and transactions waiting for a free pool connection.',
      registers: [registry],
    }),
    databaseStatements: new Counter({
      name: 'countersign_db_statements_total',
      help: 'SQL statements sent to PostgreSQL.',
      registers: [registry],
    }),
    jobRuns: new Counter({
      name: 'countersign_job_runs_total',
      help: 'Scheduled job runs by job and status (succeeded or failed).',
      labelNames: ['job', 'status'] as const,
      registers: [registry],
    }),
    jobDuration: new Histogram({
      name: 'countersign_job_duration_seconds',
      help: 'Scheduled job run durations by job.',
      labelNames: ['job'] as const,
      buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
      registers: [registry],
    }),
    sends: new Counter({
      name: 'countersign_sends_total',
      help: 'Email and push send attempts by channel and outcome (sent, retried, failed, skipped, gone).',
      labelNames: ['channel', 'outcome'] as const,
      registers: [registry],
    }),
    outboxBacklog: new Gauge({
      name: 'countersign_outbox_backlog',
      help: 'Email and push outbox rows not yet sent (pending or being sent), read at scrape time.',
      labelNames: ['channel'] as const,
      registers: [registry],
    }),
    outboxOldestAge: new Gauge({
      name: 'countersign_outbox_oldest_age_seconds',
      help: 'Age of the oldest unsent outbox row (0 when none), read at scrape time.',
      labelNames: ['channel'] as const,
      registers: [registry],
    }),
    pendingApprovalSteps: new Gauge({
      name: 'countersign_approval_steps_pending',
      help: 'Approval steps waiting for a decision, read at scrape time.',
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

const globalForMetrics = globalThis as unknown as { countersignMetrics?: Metrics };

/** The process's metrics. */
export function metrics(): Metrics {
  globalForMetrics.countersignMetrics ??= createMetrics();
  return globalForMetrics.countersignMetrics;
}
