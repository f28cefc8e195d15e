'use client';

import { Alert } from '@/components/ui/alert';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { useServerForm, type ServerError } from '@/components/ui/use-server-form';
import { secondFactorCodeSchema, type SecondFactorCodeInput } from '@/server/schemas/second-factor';

/**
 * One code field: six digits from the authenticator app or, where `recovery` allows it, a recovery
 * code. `onCode` calls the server; its refusal shows beside the field.
 */
export function CodeForm({
  label,
  submitLabel,
  pendingLabel,
  recovery,
  onCode,
}: {
  label: string;
  submitLabel: string;
  pendingLabel: string;
  recovery: boolean;
  onCode: (code: string) => Promise<unknown>;
}) {
  const { form, formError, setFormError, onServerError } = useServerForm<SecondFactorCodeInput>({
    schema: secondFactorCodeSchema,
    fields: ['code'],
    defaultValues: { code: '' },
  });
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await onCode(values.code);
    } catch (error) {
      onServerError(error as ServerError);
    }
  });
  return (
    <form className="form" noValidate aria-label={label} onSubmit={onSubmit}>
      {formError && <Alert tone="error">{formError}</Alert>}
      <Field
        label={label}
        inputMode={recovery ? 'text' : 'numeric'}
        autoComplete="one-time-code"
        autoCapitalize="characters"
        spellCheck={false}
        hint={
          recovery
            ? 'The six digits your authenticator app shows now, or one of your recovery codes.'
            : 'The six digits your authenticator app shows now.'
        }
        error={form.formState.errors.code?.message}
        {...form.register('code')}
      />
      <SubmitButton pending={form.formState.isSubmitting} pendingLabel={pendingLabel}>
        {submitLabel}
      </SubmitButton>
    </form>
  );
}
