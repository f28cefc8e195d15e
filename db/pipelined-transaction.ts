import type { PgDialect } from 'drizzle-orm/pg-core';
import { PostgresJsSession, PostgresJsTransaction } from 'drizzle-orm/postgres-js';
import type postgres from 'postgres';
import { inSpan } from '@/server/observability/tracing';
import type { Database, Transaction } from './client';
import { boundStatement, type NamedStatement } from './named-statement';

/** What drizzle's session keeps to itself and a transaction of our own needs (`PostgresJsSession`). */
type SessionInternals = {
  client: postgres.Sql;
  dialect: PgDialect;
  schema: ConstructorParameters<typeof PostgresJsTransaction>[2];
  options: ConstructorParameters<typeof PostgresJsSession>[3];
};

export type PipelinedTransaction = {
  /** The transaction, for statements whose answers the work needs before it goes on. */
  tx: Transaction;
  /**
   * Sends the transaction's last statement (prepared, as `executeNamed`) and COMMIT in one flight.
   * If the statement fails, PostgreSQL turns that COMMIT into a rollback.
   */
  commitWith<Row>(statement: NamedStatement, values: Record<string, unknown>): Promise<Row[]>;
};

/**
 * A transaction that spends no round trip of its own: BEGIN goes out with the work's first
 * statements and COMMIT with its last (`commitWith`), where `db.transaction` waits for the answer
 * to each (the driver's `begin` sends BEGIN and awaits it, then COMMIT and awaits it). A read
 * flight and a write flight are then two round trips in all. Work that never calls `commitWith`
 * is committed after it returns, as usual; work that throws is rolled back.
 *
 * The connection is reserved from the pool for the transaction, as `begin` does. Statements on it
 * go out in the order they are sent, so BEGIN precedes everything the work sends.
 */
export async function pipelinedTransaction<T>(
  db: Database,
  work: (transaction: PipelinedTransaction) => Promise<T>,
): Promise<T> {
  const session = db._.session as unknown as SessionInternals;
  const reserved = await session.client.reserve();
  return inSpan('db.transaction', { 'db.system.name': 'postgresql' }, async () => {
    const begun = reserved.unsafe('begin').execute();
    // Settled by the time the work's first answer arrives; watched here so a failure is never unhandled.
    const begin = Promise.resolve(begun).then(
      () => null,
      (error: unknown) => error ?? new Error('BEGIN failed'),
    );
    // A reserved connection is no driver transaction: it has no savepoints, so `tx.transaction`
    // (a nested transaction) is not available on it.
    const connection = new PostgresJsSession(reserved, session.dialect, session.schema, session.options);
    const tx = new PostgresJsTransaction(
      session.dialect,
      connection as unknown as ConstructorParameters<typeof PostgresJsTransaction>[1],
      session.schema,
    ) as unknown as Transaction;
    let ended = false;
    const commitWith = async <Row>(statement: NamedStatement, values: Record<string, unknown>): Promise<Row[]> => {
      // Statements sent after a failed BEGIN would each commit on their own: never send the last one then.
      const failed = await begin;
      if (failed) throw failed;
      const { text, params } = boundStatement(statement, values);
      const last = reserved.unsafe(text, params as postgres.ParameterOrJSON<never>[], { prepare: true }).execute();
      const commit = reserved.unsafe('commit').execute();
      ended = true;
      const [rows] = await Promise.all([last, commit]);
      return rows as unknown as Row[];
    };
    try {
      const result = await work({ tx, commitWith });
      const failed = await begin;
      if (failed) throw failed;
      if (!ended) {
        ended = true;
        await reserved.unsafe('commit');
      }
      return result;
    } catch (error) {
      if (!ended) await reserved.unsafe('rollback').catch(() => undefined);
      throw error;
    } finally {
      reserved.release();
    }
  });
}
