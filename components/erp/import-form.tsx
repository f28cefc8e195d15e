'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useTRPC } from '@/components/trpc/provider';
import { Alert } from '@/components/ui/alert';
import { ImportFilesForm, ImportOutcome } from '@/components/ui/csv-import';
import { useCsvImport } from '@/components/ui/use-csv-import';
import { ERP_FILE_LIMITS } from '@/server/domain/erp/limits';
import { ErpImportSummaryView } from './import-summary';

const FILES = [
  {
    name: 'customers',
    key: 'customersCsv',
    label: 'Customers file (CSV)',
    hint: 'customer_code, name, cash_account, and optionally currency, credit_limit, payment_terms.',
  },
  { name: 'contacts', key: 'contactsCsv', label: 'Contacts file (CSV)', hint: 'customer_code, email, name.' },
] as const;

/** Upload the two exports, look at what they would change, then apply them. */
export function ErpImportForm() {
  const trpc = useTRPC();
  const preview = useMutation(trpc.erp.previewImport.mutationOptions());
  const apply = useMutation(trpc.erp.applyImport.mutationOptions());
  const csv = useCsvImport({ files: FILES, limits: ERP_FILE_LIMITS, require: 'all', preview, apply });

  return (
    <>
      <ImportFilesForm
        label="Upload the ERP export"
        files={FILES}
        fileErrors={csv.fileErrors}
        pending={preview.isPending}
        onSubmit={csv.onSubmit}
        onChange={csv.reset}
      />
      {preview.error && <Alert tone="error">{preview.error.message}</Alert>}
      {csv.previewed && (
        <ImportOutcome
          headingId="import-preview"
          previewed={csv.previewed}
          applied={apply.data}
          applyError={apply.error}
          applying={apply.isPending}
          onApply={csv.apply}
          summary={(summary, caption) => <ErpImportSummaryView summary={summary} caption={caption} />}
          previewNote={
            <p>
              Nothing has been changed yet. The import replaces the whole ERP snapshot: customers and contacts missing
              from the files are removed.
            </p>
          }
          appliedNote="The import is applied. The contacts list shows the new snapshot."
          after={<Link href="/staff/erp/contacts">See the contacts</Link>}
        />
      )}
    </>
  );
}
