import type { ImportSummary } from '@/server/domain/erp/import-plan';
import { ImportProblems } from '@/components/ui/import-problems';

const COLUMNS = ['added', 'updated', 'removed', 'unchanged', 'kept'] as const;
const LABELS: Record<(typeof COLUMNS)[number], string> = {
  added: 'Added',
  updated: 'Updated',
  removed: 'Removed',
  unchanged: 'Unchanged',
  kept: 'Kept',
};

/** The counts of an import (previewed or applied) and the rows it skips, with their lines. */
export function ImportSummaryView({ summary, caption }: { summary: ImportSummary; caption: string }) {
  return (
    <>
      {!summary.blocked && (
        <div className="table-wrap">
          <table className="stack">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">Rows</th>
                {COLUMNS.map((column) => (
                  <th key={column} scope="col">
                    {LABELS[column]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {(['customers', 'contacts'] as const).map((kind) => (
                <tr key={kind}>
                  <th scope="row">
                    {kind === 'customers'
                      ? `Customers (${summary.rows.customers} rows)`
                      : `Contacts (${summary.rows.contacts} rows)`}
                  </th>
                  {COLUMNS.map((column) => (
                    <td key={column} data-label={LABELS[column]}>
                      {summary[kind][column]}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {summary.problemCount > 0 && (
        <ImportProblems
          summary={summary}
          skippedNote="Nothing on these rows is added or changed, and what the last import had for them is kept."
        />
      )}
    </>
  );
}
