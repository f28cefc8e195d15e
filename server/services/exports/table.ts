import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Cell } from '@/server/domain/exports/csv';

/** How many rows one query of an export reads: big enough to be quick, small enough to hold. */
export const EXPORT_PAGE_ROWS = 1_000;

/**
 * A CSV export ready to stream: its columns and its rows, read page by page only as the download
 * asks for them, so that a file of any length holds one page in memory at a time.
 */
export type ExportTable = {
  /** The file's name before the date: "orders" → orders-2026-12-06.csv. */
  name: string;
  columns: readonly string[];
  pages: () => AsyncIterable<readonly (readonly Cell[])[]>;
};

/** The key a newest-first export resumes after: the last row's (submitted_at, id). */
export type Keyset = { submittedAt: Date; id: string };

/**
 * Rows strictly after `after` in newest-first (submitted_at, id) order — the order of the
 * history indexes, so each page is one index range and never an OFFSET that rereads what came before.
 */
export function olderThan(submittedAt: AnyColumn, id: AnyColumn, after: Keyset | undefined): SQL | undefined {
  if (!after) return undefined;
  return sql`(${submittedAt}, ${id}) < (${after.submittedAt.toISOString()}::timestamptz, ${after.id}::uuid)`;
}

/**
 * Pages from `read` (given the last row of the previous page) until one comes back short: the
 * keyset walk every export uses. `toCells` turns a page's rows into CSV cells.
 */
export async function* keysetPages<Row extends Keyset>(
  read: (after: Keyset | undefined) => Promise<Row[]>,
  toCells: (rows: Row[]) => Promise<(readonly Cell[])[]> | (readonly Cell[])[],
): AsyncGenerator<(readonly Cell[])[]> {
  let after: Keyset | undefined;
  for (;;) {
    const rows = await read(after);
    if (rows.length > 0) yield await toCells(rows);
    const last = rows.at(-1);
    if (rows.length < EXPORT_PAGE_ROWS || !last) return;
    after = { submittedAt: last.submittedAt, id: last.id };
  }
}
