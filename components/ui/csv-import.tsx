'use client';

import type { FormEvent, ReactNode } from 'react';
import { Alert } from './alert';
import { Button } from './button';
import { Field } from './field';
import { ImportProblems } from './import-problems';
import { SubmitButton } from './submit-button';
import type { CsvFile } from './use-csv-import';

/** The upload form of a CSV import: one file input per file, and "Preview the import". */
export function ImportFilesForm({
  label,
  files,
  fileErrors,
  pending,
  onSubmit,
  onChange,
}: {
  label: string;
  files: readonly CsvFile<string>[];
  fileErrors: Record<string, string>;
  pending: boolean;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  onChange: () => void;
}) {
  return (
    <form className="form" noValidate onSubmit={onSubmit} onChange={onChange} aria-label={label}>
      {files.map((file) => (
        <Field
          key={file.name}
          label={file.label}
          name={file.name}
          type="file"
          accept=".csv,text/csv"
          hint={file.hint}
          error={fileErrors[file.name]}
        />
      ))}
      <SubmitButton pending={pending} pendingLabel="Reading the files…">
        Preview the import
      </SubmitButton>
    </form>
  );
}

type Outcome = { blocked: boolean };

/**
 * The preview of an import and, once applied, what it changed: the summary (drawn by the caller),
 * a note on what applying does, and "Apply the import" unless the files are blocked.
 */
export function ImportOutcome<S extends Outcome, A>({
  headingId,
  previewed,
  applied,
  applyError,
  applying,
  onApply,
  summary,
  previewNote,
  appliedNote,
  after,
  choices,
  mayApply = true,
}: {
  headingId: string;
  previewed: S;
  applied: A | undefined;
  applyError: { message: string } | null;
  applying: boolean;
  onApply: () => void;
  summary: (summary: S | A, caption: string) => ReactNode;
  previewNote: ReactNode;
  appliedNote: string;
  /** Where to go once the import is applied. */
  after: ReactNode;
  /** What the person must choose before applying, shown above the button. */
  choices?: ReactNode;
  /** False until those choices allow applying. */
  mayApply?: boolean;
}) {
  return (
    <section className="card" aria-labelledby={headingId} style={{ marginTop: '1.5rem' }}>
      <h2 id={headingId}>{applied ? 'Import applied' : 'Preview'}</h2>
      {applied ? (
        <>
          <Alert tone="success">{appliedNote}</Alert>
          {summary(applied, 'What the import changed')}
          <p>{after}</p>
        </>
      ) : (
        <>
          {previewed.blocked ? (
            <Alert tone="error">These files cannot be imported. Fix the problems below and upload them again.</Alert>
          ) : (
            previewNote
          )}
          {summary(previewed, 'What the import would change')}
          {!previewed.blocked && choices}
          {applyError && <Alert tone="error">{applyError.message}</Alert>}
          {!previewed.blocked && (
            <Button
              type="button"
              className="button button-primary"
              disabled={applying || !mayApply}
              aria-busy={applying || undefined}
              onClick={onApply}
            >
              {applying ? 'Applying…' : 'Apply the import'}
            </Button>
          )}
        </>
      )}
    </section>
  );
}

type Problems = Parameters<typeof ImportProblems>[0]['summary'];

/**
 * The counts of an import (previewed or applied), one row per file or kind of record, and the
 * rows it skips with their lines.
 */
export function ImportSummaryView<C extends string>({
  summary,
  caption,
  rowHeader,
  columns,
  rows,
  skippedNote,
}: {
  summary: Problems;
  caption: string;
  rowHeader: string;
  columns: Readonly<Record<C, string>>;
  rows: { key: string; label: string; counts: Readonly<Record<NoInfer<C>, number>> }[];
  skippedNote: string;
}) {
  const keys = Object.keys(columns) as C[];
  return (
    <>
      {!summary.blocked && (
        <div className="table-wrap">
          <table className="stack">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{rowHeader}</th>
                {keys.map((column) => (
                  <th key={column} scope="col">
                    {columns[column]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row">{row.label}</th>
                  {keys.map((column) => (
                    <td key={column} data-label={columns[column]}>
                      {row.counts[column]}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {summary.problemCount > 0 && <ImportProblems summary={summary} skippedNote={skippedNote} />}
    </>
  );
}
