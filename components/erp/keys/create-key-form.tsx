'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTRPC } from '@/components/trpc/provider';
import { Alert } from '@/components/ui/alert';
import { Field } from '@/components/ui/field';
import { useServerForm } from '@/components/ui/use-server-form';
import { SubmitButton } from '@/components/ui/submit-button';
import { API_KEY_NAME_MAX_LENGTH } from '@/server/domain/erp/api-keys';
import { createErpKeySchema, type CreateErpKeyInput } from '@/server/schemas/erp-keys';
import { NewKeyPanel } from './new-key-panel';

/** Names a new key; the key itself is shown once, right here, and never again. */
export function CreateKeyForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const { form, formError, setFormError, onServerError } = useServerForm<CreateErpKeyInput>({
    schema: createErpKeySchema,
    fields: ['name'],
    defaultValues: { name: '' },
  });
  const create = useMutation(
    trpc.erpKeys.create.mutationOptions({
      onMutate: () => {
        setFormError(null);
        setCreated(null);
      },
      onSuccess: (result) => {
        setCreated({ name: result.key.name, secret: result.secret });
        form.reset({ name: '' });
        router.refresh();
      },
      onError: onServerError,
    }),
  );
  return (
    <section aria-labelledby="new-key-heading">
      <h2 id="new-key-heading">New key</h2>
      {created && <NewKeyPanel name={created.name} secret={created.secret} onDone={() => setCreated(null)} />}
      <form
        className="form"
        noValidate
        aria-label="New ERP feed key"
        onSubmit={form.handleSubmit((values) => create.mutate(values))}
      >
        {formError && <Alert tone="error">{formError}</Alert>}
        <Field
          label="Key name"
          hint="Which system uses it, e.g. “ERP production”. Shown in the list and the audit log."
          autoComplete="off"
          maxLength={API_KEY_NAME_MAX_LENGTH}
          error={form.formState.errors.name?.message}
          {...form.register('name')}
        />
        <SubmitButton pending={create.isPending} pendingLabel="Creating…">
          Create key
        </SubmitButton>
      </form>
    </section>
  );
}
