'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTRPC } from '@/components/trpc/provider';
import { Alert } from '@/components/ui/alert';
import { Field } from '@/components/ui/field';
import { SelectField } from '@/components/ui/select-field';
import { useServerForm } from '@/components/ui/use-server-form';
import { SubmitButton } from '@/components/ui/submit-button';
import { PAYMENT_METHOD_LABELS, PAYMENT_METHODS } from '@/server/domain/organizations/status';
import { customerAccountSchema, PAYMENT_TERMS, type CustomerAccountInput } from '@/server/schemas/onboarding';

const FIELDS = ['currency', 'creditLimit', 'paymentTerms', 'paymentMethods'] as const;

export function AccountForm({
  organizationId,
  initial,
}: {
  organizationId: string;
  initial: Omit<CustomerAccountInput, 'organizationId'> | null;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const { form, formError, setFormError, onServerError } = useServerForm<CustomerAccountInput>({
    schema: customerAccountSchema,
    fields: FIELDS,
    defaultValues: {
      organizationId,
      currency: 'USD',
      creditLimit: '0',
      paymentTerms: 'NET 30',
      paymentMethods: ['on_account'],
      ...initial,
    },
  });
  const save = useMutation(
    trpc.registrations.saveAccount.mutationOptions({
      onMutate: () => setFormError(null),
      onSuccess: () => router.refresh(),
      onError: onServerError,
    }),
  );
  const errors = form.formState.errors;
  return (
    <form
      className="form"
      noValidate
      onSubmit={form.handleSubmit((values) => save.mutate(values))}
      aria-label="Account"
    >
      {save.isSuccess && <Alert tone="success">Account saved.</Alert>}
      {formError && <Alert tone="error">{formError}</Alert>}
      <Field
        label="Currency"
        maxLength={3}
        autoCapitalize="characters"
        hint="Three letters, like USD or EUR."
        error={errors.currency?.message}
        {...form.register('currency')}
      />
      <Field
        label="Credit limit"
        inputMode="decimal"
        hint="In the account's currency; 0 for none."
        error={errors.creditLimit?.message}
        {...form.register('creditLimit')}
      />
      <SelectField
        label="Payment terms"
        options={PAYMENT_TERMS.map((term) => ({ value: term, label: term }))}
        error={errors.paymentTerms?.message}
        {...form.register('paymentTerms')}
      />
      <fieldset className="fieldset" aria-describedby={errors.paymentMethods ? 'payment-methods-error' : undefined}>
        <legend>Allowed payment methods</legend>
        {PAYMENT_METHODS.map((method) => (
          <label key={method} className="checkbox">
            <input type="checkbox" value={method} {...form.register('paymentMethods')} />{' '}
            {PAYMENT_METHOD_LABELS[method]}
          </label>
        ))}
        {errors.paymentMethods && (
          <p id="payment-methods-error" className="field-error">
            {errors.paymentMethods.message}
          </p>
        )}
      </fieldset>
      <SubmitButton pending={save.isPending}>Save account</SubmitButton>
    </form>
  );
}
