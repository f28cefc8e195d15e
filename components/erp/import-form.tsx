'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { useTRPC } from '@/components/trpc/provider';
import { Alert } from '@/components/ui/alert';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { ERP_FILE_LIMITS } from '@/server/domain/erp/limits';
import type { ErpImportInput } from '@/server/schemas/erp';
import { ImportSummaryView } from './import-summary';
import { Button } from '@/components/ui/button';

type FileErrors = { customers?: string; contacts?: string };

async function readUpload(file: FormDataEntryValue | null, label: string): Promise<{ text?: string; error?: string }> {
  if (!(file instanceof File) || file.size === 0) return { error: `Choose the ${label} file.` };
  if (file.size > ERP_FILE_LIMITS.maxBytes)
    return { error: `${file.name} is larger than 5 MB. Export at most 50,000 rows.` };
  return { text: await file.text() };
}

/** Upload the two exports, look at what they would change, then apply them. */
export function ErpImportForm() {
  const trpc = useTRPC();
  const [files, setFiles] = useState<ErpImportInput | null>(null);
  const [fileErrors, setFileErrors] = useState<FileErrors>({});
  const preview = useMutation(trpc.erp.previewImport.mutationOptions());
  const apply = useMutation(trpc.erp.applyImport.mutationOptions());

  const reset = () => {
    setFiles(null);
    preview.reset();
    apply.reset();
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    reset();
    const data = new FormData(event.currentTarget);
    const [customers, contacts] = await Promise.all([
      readUpload(data.get('customers'), 'customers'),
      readUpload(data.get('contacts'), 'contacts'),
    ]);
    setFileErrors({ customers: customers.error, contacts: contacts.error });
    if (customers.text === undefined || contacts.text === undefined) return;
    const input = { customersCsv: customers.text, contactsCsv: contacts.text };
    setFiles(input);
    preview.mutate(input);
  };

  return (
    <>
      <form className="form" noValidate onSubmit={onSubmit} onChange={reset} aria-label="Upload the ERP export">
        <Field
          label="Customers file (CSV)"
          name="customers"
          type="file"
          accept=".csv,text/csv"
          hint="customer_code, name, cash_account, and optionally currency, credit_limit, payment_terms."
          error={fileErrors.customers}
        />
        <Field
          label="Contacts file (CSV)"
          name="contacts"
          type="file"
          accept=".csv,text/csv"
          hint="customer_code, email, name."
          error={fileErrors.contacts}
        />
        <SubmitButton pending={preview.isPending} pendingLabel="Reading the files…">
          Preview the import
        </SubmitButton>
      </form>
      {preview.error && <Alert tone="error">{preview.error.message}</Alert>}
      {preview.data && files && (
        <section className="card" aria-labelledby="import-preview" style={{ marginTop: '1.5rem' }}>
          <h2 id="import-preview">{apply.data ? 'Import applied' : 'Preview'}</h2>
          {apply.data ? (
            <>
              <Alert tone="success">The import is applied. The contacts list shows the new snapshot.</Alert>
              <ImportSummaryView summary={apply.data} caption="What the import changed" />
              <p>
                <Link href="/staff/erp/contacts">See the contacts</Link>
              </p>
            </>
          ) : (
            <>
              {preview.data.blocked ? (
                <Alert tone="error">
                  These files cannot be imported. Fix the problems below and upload them again.
                </Alert>
              ) : (
                <p>
                  Nothing has been changed yet. The import replaces the whole ERP snapshot: customers and contacts
                  missing from the files are removed.
                </p>
              )}
              <ImportSummaryView summary={preview.data} caption="What the import would change" />
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
