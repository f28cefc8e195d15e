import { ImportSummaryView } from '@/components/ui/csv-import';
import type { CatalogFileKey } from '@/server/domain/catalog/import-files';
import type { CatalogImportSummary } from '@/server/domain/catalog/import-plan';

const COLUMNS = { added: 'Added', updated: 'Updated', unchanged: 'Unchanged', skipped: 'Skipped (errors)' } as const;
const FILES: Record<CatalogFileKey, string> = { products: 'Products', prices: 'Prices', stock: 'Stock' };

/** The counts of a catalog import (previewed or applied) per file, and the rows it skips, with their lines. */
export function CatalogImportSummaryView({ summary, caption }: { summary: CatalogImportSummary; caption: string }) {
  const rows = (Object.keys(FILES) as CatalogFileKey[]).flatMap((key) => {
    const counts = summary.files[key];
    return counts
      ? [{ key, label: `${FILES[key]} (${counts.rows} ${counts.rows === 1 ? 'row' : 'rows'})`, counts }]
      : [];
  });
  return (
    <ImportSummaryView
      summary={summary}
      caption={caption}
      rowHeader="File"
      columns={COLUMNS}
      rows={rows}
      skippedNote="A file with errors imports nothing, unless you choose below to import only the rows without errors; the catalog then keeps what it has for the rows left out."
    />
  );
}
