import { useId } from 'react';
import { DataTable } from './data-table';

type Problem = { file: string; line: number; message: string };
type Summary = { blocked: boolean; problemCount: number; problems: Problem[] };

/** The per-row error report of a CSV import preview: what stops it, or which rows it will skip. */
export function ImportProblems({ summary, skippedNote }: { summary: Summary; skippedNote: string }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>
        {summary.blocked
          ? 'Problems that stop the import'
          : `${summary.problemCount} ${summary.problemCount === 1 ? 'row has' : 'rows have'} errors`}
      </h3>
      {!summary.blocked && <p>{skippedNote}</p>}
      {summary.problemCount > summary.problems.length && <p>The first {summary.problems.length} are listed.</p>}
      <DataTable
        rows={summary.problems}
        rowKey={(problem) => `${problem.file}:${problem.line}`}
        empty="No problems."
        columns={[
          { header: 'File', cell: (problem) => problem.file },
          { header: 'Line', cell: (problem) => problem.line || '—' },
          { header: 'Problem', cell: (problem) => problem.message },
        ]}
      />
    </section>
  );
}
