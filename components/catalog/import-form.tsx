'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { useTRPC } from '@/components/trpc/provider';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import {
  CATALOG_FILE_LIMITS,
  PRICE_COLUMNS,
  PRODUCT_COLUMNS,
  STOCK_COLUMNS,
} from '@/server/domain/catalog/import-files';
import type { CatalogImportInput } from '@/server/schemas/catalog';
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

const MB = CATALOG_FILE_LIMITS.maxBytes / 1024 / 1024;

/** Upload products, prices and stock (any of the three), look at what they would change, then apply. */
export function CatalogImportForm() {
  const trpc = useTRPC();
  const [files, setFiles] = useState<CatalogImportInput | null>(null);
  const [fileErrors, setFileErrors] = useState<Record<string, string>>({});
  const preview = useMutation(trpc.staffCatalog.previewImport.mutationOptions());
  const apply = useMutation(trpc.staffCatalog.applyImport.mutationOptions());

  const reset = () => {
    setFiles(null);
    preview.reset();
    apply.reset();
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    reset();
    const data = new FormData(event.currentTarget);
    const input: CatalogImportInput = {};
    const errors: Record<string, string> = {};
    for (const file of FILES) {
      const upload = data.get(file.name);
      if (!(upload instanceof File) || upload.size === 0) continue;
      if (upload.size > CATALOG_FILE_LIMITS.maxBytes)
        errors[file.name] =
          `${upload.name} is larger than ${MB} MB. Export at most ${CATALOG_FILE_LIMITS.maxRows.toLocaleString('en-US')} rows.`;
      else input[file.key] = await upload.text();
    }
    if (Object.keys(errors).length === 0 && Object.keys(input).length === 0)
      errors.products = 'Choose at least one file.';
    setFileErrors(errors);
    if (Object.keys(errors).length > 0) return;
    setFiles(input);
    preview.mutate(input);
  };

  return (
    <>
      <form className="form" noValidate onSubmit={onSubmit} onChange={reset} aria-label="Upload catalog files">
        {FILES.map((file) => (
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
        <SubmitButton pending={preview.isPending} pendingLabel="Reading the files…">
          Preview the import
        </SubmitButton>
      </form>
      {preview.error && <Alert tone="error">{preview.error.message}</Alert>}
      {preview.data && files && (
        <section className="card" aria-labelledby="catalog-import-preview" style={{ marginTop: '1.5rem' }}>
          <h2 id="catalog-import-preview">{apply.data ? 'Import applied' : 'Preview'}</h2>
          {apply.data ? (
            <>
              <Alert tone="success">The import is applied.</Alert>
              <CatalogImportSummaryView summary={apply.data} caption="What the import changed" />
              <p>
                <Link href="/staff/catalog">See the products</Link>
              </p>
            </>
          ) : (
            <>
              {preview.data.blocked ? (
                <Alert tone="error">
                  These files cannot be imported. Fix the problems below and upload them again.
                </Alert>
              ) : (
                <p>Nothing has been changed yet. Applying adds and updates what the files hold; nothing is removed.</p>
              )}
              <CatalogImportSummaryView summary={preview.data} caption="What the import would change" />
              {apply.error && <Alert tone="error">{apply.error.message}</Alert>}
              {!preview.data.blocked && (
                <Button
                  type="button"
                  className="button button-primary"
                  disabled={apply.isPending}
                  aria-busy={apply.isPending || undefined}
                  onClick={() => apply.mutate(files)}
                >
                  {apply.isPending ? 'Applying…' : 'Apply the import'}
                </Button>
              )}
            </>
          )}
        </section>
      )}
    </>
  );
}
