'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useTRPC } from '@/components/trpc/provider';
import { Alert } from '@/components/ui/alert';
import { ImportFilesForm, ImportOutcome } from '@/components/ui/csv-import';
import { useCsvImport } from '@/components/ui/use-csv-import';
import {
  CATALOG_FILE_LIMITS,
  PRICE_COLUMNS,
  PRODUCT_COLUMNS,
  STOCK_COLUMNS,
} from '@/server/domain/catalog/import-files';
import { CatalogImportSummaryView } from './import-summary';

const describeColumns = (spec: { required: readonly string[]; optional: readonly string[] }) =>
  `${spec.required.join(', ')}${spec.optional.length > 0 ? `, and optionally ${spec.optional.join(', ')}` : ''}`;

const FILES = [
  {
    name: 'products',
    key: 'productsCsv',
    label: 'Products file (CSV)',
    hint: `${describeColumns(PRODUCT_COLUMNS)}. active is true or false.`,
  },
  {
    name: 'prices',
    key: 'pricesCsv',
    label: 'Prices file (CSV)',
    hint: `${describeColumns(PRICE_COLUMNS)}. price_list is the list's name; unit_price like 12.50.`,
  },
  {
    name: 'stock',
    key: 'stockCsv',
    label: 'Stock file (CSV)',
    hint: `${describeColumns(STOCK_COLUMNS)}. on_hand is the counted quantity at that center.`,
  },
] as const;

/** Upload products, prices and stock (any of the three), look at what they would change, then apply. */
export function CatalogImportForm() {
  const trpc = useTRPC();
  const preview = useMutation(trpc.staffCatalog.previewImport.mutationOptions());
  const apply = useMutation(trpc.staffCatalog.applyImport.mutationOptions());
  const csv = useCsvImport({ files: FILES, limits: CATALOG_FILE_LIMITS, require: 'any', preview, apply });

  return (
    <>
      <ImportFilesForm
        label="Upload catalog files"
        files={FILES}
        fileErrors={csv.fileErrors}
        pending={preview.isPending}
        onSubmit={csv.onSubmit}
        onChange={csv.reset}
      />
      {preview.error && <Alert tone="error">{preview.error.message}</Alert>}
      {csv.previewed && (
        <ImportOutcome
          headingId="catalog-import-preview"
          previewed={csv.previewed}
          applied={apply.data}
          applyError={apply.error}
          applying={apply.isPending}
          onApply={csv.apply}
          summary={(summary, caption) => <CatalogImportSummaryView summary={summary} caption={caption} />}
          previewNote={
            <p>Nothing has been changed yet. Applying adds and updates what the files hold; nothing is removed.</p>
          }
          appliedNote="The import is applied."
          after={<Link href="/staff/catalog">See the products</Link>}
        />
      )}
    </>
  );
}
