import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Executor } from './client';

/** Hand-written statements refer to no schema column, so a plain dialect turns them into text. */
const dialect = new PgDialect();

/** A hand-written statement's text, with $1… placeholders, and its parameters. */
export const queryOf = (query: SQL) => dialect.sqlToQuery(query);

/**
 * Runs a hand-written statement as a prepared one, as the query builder's `.prepare(name)` does:
 * the driver keeps it per connection by its text, so PostgreSQL parses it once and reuses its plan
 * (`db.execute` sends it unnamed, parsed and planned every time). Only for statements whose text
 * is the same on every call: lists go in as one jsonb parameter, never as a varying VALUES list.
 */
export async function executeNamed<Row>(db: Executor, name: string, query: SQL): Promise<Row[]> {
  const prepared = db._.session.prepareQuery<{ execute: Row[]; all: unknown; values: unknown }>(
    queryOf(query),
    undefined,
    name,
    false,
  );
  return prepared.execute();
}
