import type { ReactNode } from 'react';
import styles from './charts.module.css';

export type ChartTable = {
  columns: readonly string[];
  /** Cells as text; the first column names the row, the others are figures (right-aligned). */
  rows: readonly (readonly string[])[];
};

export type LegendEntry = { label: string; color: string; kind?: 'swatch' | 'limit' };

/** The ids a chart's SVG points at: it is labelled by the title and described by the text summary. */
export const chartIds = (id: string) => ({ title: `${id}-title`, summary: `${id}-summary` });

/**
 * One chart as everybody can read it: a heading, a sentence that says what it shows (what a screen
 * reader announces for the picture), the SVG drawn on the server, a legend in text, and the same
 * figures as a table behind a native "Show as table" disclosure, which opens without JavaScript.
 */
export function ChartFigure({
  id,
  title,
  summary,
  legend = [],
  table,
  children,
}: {
  id: string;
  title: string;
  summary: string;
  legend?: readonly LegendEntry[];
  table: ChartTable;
  children: ReactNode;
}) {
  const ids = chartIds(id);
  return (
    <section className={styles.figure} aria-labelledby={ids.title} data-testid={`chart-${id}`}>
      <h2 id={ids.title}>{title}</h2>
      <p id={ids.summary} className={styles.summary} data-testid="chart-summary">
        {summary}
      </p>
      {children}
      {legend.length > 0 && (
        <ul className={styles.legend} aria-label="Legend">
          {legend.map((entry) => (
            <li key={entry.label}>
              {entry.kind === 'limit' ? (
                <span className={styles.limitSwatch} aria-hidden="true" />
              ) : (
                <span className={styles.swatch} style={{ background: entry.color }} aria-hidden="true" />
              )}
              {entry.label}
            </li>
          ))}
        </ul>
      )}
      <details className={styles.details}>
        <summary>Show as table</summary>
        <div className="table-wrap">
          <table className="stack">
            <caption className="skip-link">{title}</caption>
            <thead>
              <tr>
                {table.columns.map((column, i) => (
                  <th key={column} scope="col" className={i > 0 ? styles.numeric : undefined}>
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.length === 0 && (
                <tr>
                  <td colSpan={table.columns.length}>Nothing in this range.</td>
                </tr>
              )}
              {table.rows.map((row, r) => (
                <tr key={`${row[0] ?? ''}-${r}`}>
                  {row.map((cell, i) => (
                    <td
                      key={table.columns[i] ?? i}
                      data-label={table.columns[i]}
                      className={i > 0 ? styles.numeric : undefined}
                    >
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}

/** The charts of a page: one column on a phone, side by side where two fit (a chart reads best at 30–40 rem). */
export function ChartBoard({ children }: { children: ReactNode }) {
  return <div className={styles.board}>{children}</div>;
}
