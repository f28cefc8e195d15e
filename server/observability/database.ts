import type postgres from 'postgres';
import { metrics } from './metrics';
import { failSpan, inSpan, startLeafSpan, tracingEnabled } from './tracing';

/**
 * Instruments a `postgres` client in place: every statement drizzle sends (drizzle always goes
 * through `unsafe`, in and out of transactions) is counted and, while tracing is on, recorded as a
 * span under whatever span is active (a tRPC procedure, a job); a transaction is a span around
 * its statements. Only the statement's text is recorded: it carries $1… placeholders, never values.
 *
 * The driver does not tell how busy its pool is, so the wrapper counts it: open transactions (each
 * holds a connection) plus single statements running; what exceeds the pool size is waiting.
 */
type Load = { max: number; busy: number };
type Work = (...args: unknown[]) => unknown;
type Loose = { unsafe: Work; begin: Work; reserve: Work; release?: Work; savepoint?: Work; end: Work };
type PendingStatement = Promise<unknown> & { handle: Work };

const globalForPools = globalThis as unknown as { countersignPools?: Set<Load> };
const pools = (globalForPools.countersignPools ??= new Set<Load>());

/** Pool connections busy and demands waiting, over every instrumented pool of this process. */
export function poolLoad(): { inUse: number; waiting: number } {
  let inUse = 0;
  let waiting = 0;
  for (const pool of pools) {
    inUse += Math.min(pool.busy, pool.max);
    waiting += Math.max(0, pool.busy - pool.max);
  }
  return { inUse, waiting };
}

/** Wraps the client's statements and transactions (see above); returns the same client. */
export function instrumentClient<Client extends postgres.Sql>(client: Client, max: number): Client {
  const load: Load = { max, busy: 0 };
  pools.add(load);
  const sql = client as unknown as Loose;
  const { begin, reserve, end } = sql;
  instrumentStatements(sql, load);
  sql.begin = (...args: unknown[]) => {
    const work = args.pop();
    if (typeof work !== 'function') return begin.apply(client, [...args, work]);
    load.busy++;
    const scoped = (inner: Loose) => {
      instrumentScope(inner);
      return (work as Work)(inner);
    };
    return inSpan('db.transaction', { 'db.system.name': 'postgresql' }, () =>
      Promise.resolve(begin.apply(client, [...args, scoped])),
    ).finally(() => load.busy--);
  };
  // A reserved connection (`pipelinedTransaction`) is held like a transaction's until released.
  sql.reserve = async (...args: unknown[]) => {
    const reserved = (await reserve.apply(client, args)) as Loose;
    load.busy++;
    instrumentStatements(reserved, null);
    const release = reserved.release;
    reserved.release = (...rest: unknown[]) => {
      load.busy--;
      return release?.apply(reserved, rest);
    };
    return reserved;
  };
  sql.end = (...args: unknown[]) => {
    pools.delete(load);
    return end.apply(client, args);
  };
  return client;
}

/** A transaction's (or savepoint's) own client: its statements run on the connection it holds. */
function instrumentScope(sql: Loose) {
  instrumentStatements(sql, null);
  const savepoint = sql.savepoint;
  if (!savepoint) return;
  sql.savepoint = (...args: unknown[]) => {
    const work = args.pop();
    if (typeof work !== 'function') return savepoint.apply(sql, [...args, work]);
    return savepoint.apply(sql, [
      ...args,
      (inner: Loose) => {
        instrumentScope(inner);
        return (work as Work)(inner);
      },
    ]);
  };
}

function instrumentStatements(sql: Loose, load: Load | null) {
  const unsafe = sql.unsafe;
  sql.unsafe = (...args: unknown[]) => {
    const pending = unsafe.apply(sql, args) as PendingStatement;
    observe(pending, String(args[0]), load);
    return pending;
  };
}

/**
 * A statement is sent when first awaited (`postgres` queries are lazy): its span starts then, under
 * the span active for the code awaiting it. Settling is watched through Promise's own `then`, which
 * does not set the statement going again.
 */
function observe(pending: PendingStatement, text: string, load: Load | null) {
  const handle = pending.handle;
  let sent = false;
  pending.handle = function (this: unknown, ...args: unknown[]) {
    if (!sent) {
      sent = true;
      metrics().databaseStatements.inc();
      if (load) load.busy++;
      // Only while tracing: reading a large statement's text for its operation costs every statement.
      const span = tracingEnabled() ? statementSpan(text) : undefined;
      if (load || span) {
        const done = (error?: unknown) => {
          if (load) load.busy--;
          if (span && error !== undefined) failSpan(span, error);
          span?.end();
        };
        Promise.prototype.then.call(
          pending,
          () => done(),
          (error: unknown) => done(error ?? 'failed'),
        );
      }
    }
    return handle.apply(this, args);
  };
}

function statementSpan(text: string) {
  const operation = operationOf(text);
  return startLeafSpan(operation, {
    'db.system.name': 'postgresql',
    'db.operation.name': operation,
    'db.query.text': text.slice(0, 2000),
  });
}

/**
 * A statement's operation as its span is named: its first word, except that a WITH whose CTEs
 * write (the submit writes an order in one such statement) is named after its first write.
 */
function operationOf(text: string): string {
  const first = /^\s*([a-z]+)/i.exec(text)?.[1]?.toUpperCase() ?? 'SQL';
  if (first !== 'WITH') return first;
  return /\bas\s*\(\s*(insert|update|delete)\b/i.exec(text)?.[1]?.toUpperCase() ?? first;
}
