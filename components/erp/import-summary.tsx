import type { ImportSummary } from '@/server/domain/erp/import-plan';

const COLUMNS = ['added', 'updated', 'removed', 'unchanged', 'kept'] as const;
const LABELS: Record<(typeof COLUMNS)[number], string> = { added: 'Added', updated: 'Updated', removed: 'Removed', unchanged: 'Unchanged', kept: 'Kept' };

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
                {COLUMNS.map((column) => <th key={column} scope="col">{LABELS[column]}</th>)}
              </tr>
            </thead>
            <tbody>
              {(['customers', 'contacts'] as const).map((kind) => (
                <tr key={kind}>
                  <th scope="row">{kind === 'customers' ? `Customers (${summary.rows.customers} rows)` : `Contacts (${summary.rows.contacts} rows)`}</th>
                  {COLUMNS.map((column) => (
                    <td key={column} data-label={LABELS[column]}>{summary[kind][column]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {summary.problemCount > 0 && <ProblemList summary={summary} />}
    </>
  );
}

function ProblemList({ summary }: { summary: ImportSummary }) {
  return (
    <section aria-labelledby="import-problems">
      <h3 id="import-problems">
        {summary.blocked ? 'Problems that stop the import' : `${summary.problemCount} ${summary.problemCount === 1 ? 'row has' : 'rows have'} errors and will be skipped`}
      </h3>
      {!summary.blocked && <p>Nothing on these rows is added or changed, and what the last import had for them is kept.</p>}
      {summary.problemCount > summary.problems.length && <p>The first {summary.problems.length} are listed.</p>}
      <div className="table-wrap">
        <table className="stack">
          <thead>
            <tr><th scope="col">File</th><th scope="col">Line</th><th scope="col">Problem</th></tr>
          </thead>
          <tbody>
            {summary.problems.map((problem) => (
              <tr key={`${problem.file}:${problem.line}`}>
                <td data-label="File">{problem.file}</td>
                <td data-label="Line">{problem.line || '—'}</td>
                <td data-label="Problem">{problem.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
