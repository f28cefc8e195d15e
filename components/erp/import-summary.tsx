import { ImportSummaryView } from '@/components/ui/csv-import';
import type { ImportSummary } from '@/server/domain/erp/import-plan';

const COLUMNS = {
  added: 'Added',
  updated: 'Updated',
  removed: 'Removed',
  unchanged: 'Unchanged',
  kept: 'Kept',
} as const;

/** The counts of an ERP import (previewed or applied) and the rows it skips, with their lines. */
export function ErpImportSummaryView({ summary, caption }: { summary: ImportSummary; caption: string }) {
  return (
    <ImportSummaryView
      summary={summary}
      caption={caption}
      rowHeader="Rows"
      columns={COLUMNS}
      rows={[
        { key: 'customers', label: `Customers (${summary.rows.customers} rows)`, counts: summary.customers },
        { key: 'contacts', label: `Contacts (${summary.rows.contacts} rows)`, counts: summary.contacts },
      ]}
      skippedNote="These rows will be skipped: nothing on them is added or changed, and what the last import had for them is kept."
    />
  );
}
