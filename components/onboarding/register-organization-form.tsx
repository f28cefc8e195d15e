'use client';

import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '@/components/trpc/provider';
import { Alert } from '@/components/ui/alert';
import { Field } from '@/components/ui/field';
import { SelectField } from '@/components/ui/select-field';
import { useServerForm } from '@/components/ui/use-server-form';
import { SubmitButton } from '@/components/ui/submit-button';
import { registerOrganizationSchema, type RegisterOrganizationInput } from '@/server/schemas/onboarding';

const FIELDS = Object.keys(registerOrganizationSchema.shape) as (keyof RegisterOrganizationInput)[];

/** `countries` come from the server so that their names cannot differ between server and browser. */
export function RegisterOrganizationForm({ countries }: { countries: { value: string; label: string }[] }) {
  const trpc = useTRPC();
  const { form, formError, setFormError, onServerError } = useServerForm<RegisterOrganizationInput>({
    schema: registerOrganizationSchema,
    fields: FIELDS,
    defaultValues: {
      organizationName: '',
      addressLine1: '',
      addressLine2: '',
      city: '',
      region: '',
      postalCode: '',
      country: '',
      phone: '',
      taxNumber: '',
      adminName: '',
      adminEmail: '',
      password: '',
    },
  });
  const register = useMutation(
    trpc.onboarding.register.mutationOptions({
      onMutate: () => setFormError(null),
      onError: onServerError,
    }),
  );
  const errors = form.formState.errors;
  const field = (name: keyof RegisterOrganizationInput) => ({ ...form.register(name), error: errors[name]?.message });

  if (register.data) {
    return (
      <Alert tone="success">
        <strong>Registration received.</strong> {register.data.message}
      </Alert>
    );
  }
  return (
    <form
      className="form"
      noValidate
      onSubmit={form.handleSubmit((values) => register.mutate(values))}
      aria-label="Register your organization"
    >
      {formError && <Alert tone="error">{formError}</Alert>}
      <fieldset className="fieldset">
        <legend>Your organization</legend>
        <Field label="Organization name" autoComplete="organization" {...field('organizationName')} />
        <Field label="Company registration or tax number" {...field('taxNumber')} />
        <Field label="Phone" type="tel" autoComplete="tel" {...field('phone')} />
      </fieldset>
      <fieldset className="fieldset">
        <legend>Address</legend>
        <Field label="Street address" autoComplete="address-line1" {...field('addressLine1')} />
        <Field label="Address line 2 (optional)" autoComplete="address-line2" {...field('addressLine2')} />
        <Field label="City" autoComplete="address-level2" {...field('city')} />
        <Field label="State or region (optional)" autoComplete="address-level1" {...field('region')} />
        <Field label="Postal code" autoComplete="postal-code" {...field('postalCode')} />
        <SelectField
          label="Country"
          autoComplete="country"
          options={countries}
          placeholder="Choose a country"
          {...field('country')}
        />
      </fieldset>
      <fieldset className="fieldset">
        <legend>Buyer administrator</legend>
        <p className="field-hint">
          The person who runs your organization&apos;s account: adds buyers, sets limits and approves orders.
        </p>
        <Field label="Full name" autoComplete="name" {...field('adminName')} />
        <Field label="Email address" type="email" autoComplete="email" {...field('adminEmail')} />
        <Field
          label="Password"
          type="password"
          autoComplete="new-password"
          hint="At least 10 characters."
          {...field('password')}
        />
      </fieldset>
      <SubmitButton pending={register.isPending} pendingLabel="Registering…">
        Register
      </SubmitButton>
    </form>
  );
}
