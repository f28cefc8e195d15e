import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import type { PgTransaction } from 'drizzle-orm/pg-core';
import type { PostgresJsQueryResultHKT } from 'drizzle-orm/postgres-js';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import postgres from 'postgres';
import { instrumentClient } from '@/server/observability/database';
import * as schema from './schema';
import { noDelaySocket } from './socket';

export type Schema = typeof schema;
export type Database = PostgresJsDatabase<Schema>;
export type Transaction = PgTransaction<PostgresJsQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything a query can run on: the pool or an open transaction. */
export type Executor = Database | Transaction;

export type DatabaseHandle = { db: Database; close: () => Promise<void> };

export function connectDatabase(url: string, options: { max?: number } = {}): DatabaseHandle {
  const max = options.max ?? 10;
  // Counted for the pool metrics, and traced as spans when tracing is on (server/observability).
  const client = instrumentClient(
    postgres(url, {
      max,
      onnotice: () => undefined,
      connection: { application_name: 'countersign' },
      ...noDelaySocket,
    }),
    max,
  );
  const db = drizzle(client, { schema, casing: 'snake_case' });
  return { db, close: () => client.end({ timeout: 5 }) };
}

const globalForDb = globalThis as unknown as { countersignDb?: DatabaseHandle };

/**
 * The app's pool. `npm run dev` and `npm start` set DATABASE_URL (to the embedded PostgreSQL when
 * none was given), so inside Next.js it is always present. Kept on globalThis so that hot reloads
 * in development do not open a new pool each time.
 */
export function getDb(): Database {
  if (!globalForDb.countersignDb) {
    const url = process.env.DATABASE_URL;
    if (!url) {
      throw new Error(
        'DATABASE_URL is not set. Start the app with `npm run dev` or `npm start`, which start an embedded PostgreSQL when no DATABASE_URL is given.',
      );
    }
    globalForDb.countersignDb = connectDatabase(url, { max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  }
  return globalForDb.countersignDb.db;
}

const globalForReports = globalThis as unknown as { countersignReportDb?: DatabaseHandle };

/**
 * Where insights and exports read: a read replica when DATABASE_READ_URL is set (long report
 * queries then take nothing from the pool that serves orders and approvals), else the app's pool.
 * A replica lags the primary by its replication delay, so a report may miss the last seconds.
 */
export function getReportDb(): Database {
  const url = process.env.DATABASE_READ_URL;
  if (!url) return getDb();
  globalForReports.countersignReportDb ??= connectDatabase(url, {
    max: Number(process.env.DATABASE_READ_POOL_SIZE ?? 5),
  });
  return globalForReports.countersignReportDb.db;
}
