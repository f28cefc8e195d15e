'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
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
import { importedAndSkipped } from '@/server/domain/catalog/import-counts';
import type { CatalogImportSummary } from '@/server/domain/catalog/import-plan';
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
  const [goodRowsOnly, setGoodRowsOnly] = useState(false);
  const previewed = csv.previewed;
  const hasErrors = (previewed?.problemCount ?? 0) > 0;

  return (
    <>
      <ImportFilesForm
        label="Upload catalog files"
        files={FILES}
        fileErrors={csv.fileErrors}
        pending={preview.isPending}
        onSubmit={(event) => {
          setGoodRowsOnly(false);
          return csv.onSubmit(event);
        }}
        onChange={csv.reset}
      />
      {preview.error && <Alert tone="error">{preview.error.message}</Alert>}
      {previewed && csv.input && (
        <ImportOutcome
          headingId="catalog-import-preview"
          previewed={previewed}
          applied={apply.data}
          applyError={apply.error}
          applying={apply.isPending}
          onApply={() => csv.input && apply.mutate({ ...csv.input, mode: goodRowsOnly ? 'valid_rows_only' : 'all' })}
          mayApply={!hasErrors || goodRowsOnly}
          choices={
            <>
              <NewCategories
                summary={previewed}
                chosen={csv.input.createCategories ?? []}
                disabled={preview.isPending}
                onChange={(createCategories) => csv.previewWith({ createCategories })}
              />
              {hasErrors && (
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={goodRowsOnly}
                    onChange={(event) => setGoodRowsOnly(event.currentTarget.checked)}
                  />
                  Import only the rows without errors (
                  {plural(importedAndSkipped(previewed).skipped, 'row is', 'rows are')} left out)
                </label>
              )}
            </>
          }
          summary={(summary, caption) => <CatalogImportSummaryView summary={summary} caption={caption} />}
          previewNote={
            <p>Nothing has been changed yet. Applying adds and updates what the files hold; nothing is removed.</p>
          }
          appliedNote={
            apply.data
              ? `The import is applied: ${plural(apply.data.imported, 'row', 'rows')} imported, ${apply.data.skipped} skipped.`
              : ''
          }
          after={<Link href="/staff/catalog">See the products</Link>}
        />
      )}
    </>
  );
}

const plural = (count: number, one: string, many: string) =>
  `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;

/**
 * Categories the files name that do not exist yet. A typo must not quietly make a new category, so
 * their rows are errors until the person ticks the category to be created.
 */
function NewCategories({
  summary,
  chosen,
  disabled,
  onChange,
}: {
  summary: CatalogImportSummary;
  chosen: readonly string[];
  disabled: boolean;
  onChange: (createCategories: string[]) => void;
}) {
  const names = [...new Set([...summary.unknownCategories, ...chosen])].sort((a, b) => a.localeCompare(b));
  if (names.length === 0) return null;
  return (
    <fieldset className="fieldset">
      <legend>Categories that do not exist yet</legend>
      <p className="field-hint">Rows in a category that does not exist are errors, unless you choose to create it.</p>
      {names.map((name) => (
        <label key={name} className="checkbox">
          <input
            type="checkbox"
            checked={chosen.includes(name)}
            disabled={disabled}
            onChange={(event) =>
              onChange(event.currentTarget.checked ? [...chosen, name] : chosen.filter((other) => other !== name))
            }
          />
          Create the category “{name}”
        </label>
      ))}
    </fieldset>
  );
}
