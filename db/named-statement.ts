import { fillPlaceholders, type Query, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Executor } from './client';

/** Hand-written statements refer to no schema column, so a plain dialect turns them into text. */
const dialect = new PgDialect();

/**
 * A hand-written statement for a hot path, turned into text once: what changes per call is a
 * placeholder (`sql.placeholder('name')`), given a value on each call. Lists go in as one jsonb
 * value, never as a varying VALUES list, so the text is the same on every call.
 */
export type NamedStatement = { name: string; query: Query };

/** Builds a statement once (at module load): turning a large template into text costs a request about 2 % of its CPU. */
export function namedStatement(name: string, query: SQL): NamedStatement {
  return { name, query: dialect.sqlToQuery(query) };
}

/** The statement's text and its parameters with the placeholders filled in. */
export function boundStatement(statement: NamedStatement, values: Record<string, unknown>) {
  return { text: statement.query.sql, params: fillPlaceholders(statement.query.params, values) };
}

/**
 * Runs a statement as a prepared one, as the query builder's `.prepare(name)` does: the driver
 * keeps it per connection by its text, so PostgreSQL parses it once and reuses its plan
 * (`db.execute` sends it unnamed, parsed and planned every time).
 */
export async function executeNamed<Row>(
  db: Executor,
  statement: NamedStatement,
  values: Record<string, unknown>,
): Promise<Row[]> {
  const prepared = db._.session.prepareQuery<{ execute: Row[]; all: unknown; values: unknown }>(
    statement.query,
    undefined,
    statement.name,
    false,
  );
  return prepared.execute(values);
}
