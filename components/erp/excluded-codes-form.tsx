'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useId } from 'react';
import { useTRPC } from '@/components/trpc/provider';
import { Alert } from '@/components/ui/alert';
import { useServerForm } from '@/components/ui/use-server-form';
import { SubmitButton } from '@/components/ui/submit-button';
import { excludedCodesSchema, type ExcludedCodesInput } from '@/server/schemas/erp';

/** The customer codes that never get an instant account, edited as one list. */
export function ExcludedCodesForm({ codes }: { codes: string[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const { form, formError, setFormError, onServerError } = useServerForm<ExcludedCodesInput>({
    schema: excludedCodesSchema,
    fields: ['codes'],
    defaultValues: { codes: codes.join('\n') },
  });
  const save = useMutation(
    trpc.erp.updateExcludedCodes.mutationOptions({
      onMutate: () => setFormError(null),
      onSuccess: () => router.refresh(),
      onError: onServerError,
    }),
  );
  const error = form.formState.errors.codes?.message;
  return (
    <form
      className="form"
      noValidate
      onSubmit={form.handleSubmit((values) => save.mutate(values))}
      aria-label="Excluded customer codes"
    >
      {save.data && (
        <Alert tone="success">
          Saved: {save.data.total} {save.data.total === 1 ? 'code is' : 'codes are'} excluded ({save.data.added} added,{' '}
          {save.data.removed} removed).
        </Alert>
      )}
      {formError && <Alert tone="error">{formError}</Alert>}
      <div className="field">
        <label htmlFor={id}>Excluded customer codes</label>
        <p id={`${id}-hint`} className="field-hint">
          Separate codes with commas or new lines. The cash account is always excluded.
        </p>
        <textarea
          id={id}
          rows={8}
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={[`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
          {...form.register('codes')}
        />
        {error && (
          <p id={`${id}-error`} className="field-error">
            {error}
          </p>
        )}
      </div>
      <SubmitButton pending={save.isPending}>Save the list</SubmitButton>
    </form>
  );
}
