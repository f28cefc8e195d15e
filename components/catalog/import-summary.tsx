import type { CatalogFileKey } from '@/server/domain/catalog/import-files';
import type { CatalogImportSummary } from '@/server/domain/catalog/import-plan';
import { ImportProblems } from '@/components/ui/import-problems';

const COLUMNS = ['added', 'updated', 'unchanged', 'skipped'] as const;
const LABELS: Record<(typeof COLUMNS)[number], string> = {
  added: 'Added',
  updated: 'Updated',
  unchanged: 'Unchanged',
  skipped: 'Skipped (errors)',
};
const FILES: Record<CatalogFileKey, string> = { products: 'Products', prices: 'Prices', stock: 'Stock' };

/** The counts of a catalog import (previewed or applied) per file, and the rows it skips, with their lines. */
export function CatalogImportSummaryView({ summary, caption }: { summary: CatalogImportSummary; caption: string }) {
  const given = (Object.keys(FILES) as CatalogFileKey[]).flatMap((key) => {
    const counts = summary.files[key];
    return counts ? [{ key, counts }] : [];
  });
  return (
    <>
      {!summary.blocked && (
        <div className="table-wrap">
          <table className="stack">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">File</th>
                {COLUMNS.map((column) => (
                  <th key={column} scope="col">
                    {LABELS[column]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {given.map(({ key, counts }) => (
                <tr key={key}>
                  <th scope="row">{`${FILES[key]} (${counts.rows} ${counts.rows === 1 ? 'row' : 'rows'})`}</th>
                  {COLUMNS.map((column) => (
                    <td key={column} data-label={LABELS[column]}>
                      {counts[column]}
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
          skippedNote="Nothing on these rows is added or changed; the catalog keeps what it has for them."
        />
      )}
    </>
  );
}
