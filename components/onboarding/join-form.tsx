'use client';

import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '@/components/trpc/provider';
import { Alert } from '@/components/ui/alert';
import { Field } from '@/components/ui/field';
import { useServerForm } from '@/components/ui/use-server-form';
import { SubmitButton } from '@/components/ui/submit-button';
import { joinOrganizationSchema, type JoinOrganizationInput } from '@/server/schemas/onboarding';

const FIELDS = ['code', 'name', 'email', 'password'] as const;

export function JoinForm({ code }: { code?: string }) {
  const trpc = useTRPC();
  const { form, formError, setFormError, onServerError } = useServerForm<JoinOrganizationInput>({
    schema: joinOrganizationSchema,
    fields: FIELDS,
    defaultValues: { code: code ?? '', name: '', email: '', password: '' },
  });
  const join = useMutation(
    trpc.onboarding.join.mutationOptions({
      onMutate: () => setFormError(null),
      onError: onServerError,
    }),
  );
  const errors = form.formState.errors;
  if (join.data) return <Alert tone="success">{join.data.message}</Alert>;
  return (
    <form
      className="form"
      noValidate
      onSubmit={form.handleSubmit((values) => join.mutate(values))}
      aria-label="Join your organization"
    >
      {formError && <Alert tone="error">{formError}</Alert>}
      <Field
        label="Invitation code"
        hint="Your administrator can find it under Administration."
        autoCapitalize="characters"
        error={errors.code?.message}
        {...form.register('code')}
      />
      <Field label="Full name" autoComplete="name" error={errors.name?.message} {...form.register('name')} />
      <Field
        label="Work email address"
        type="email"
        autoComplete="email"
        error={errors.email?.message}
        {...form.register('email')}
      />
      <Field
        label="Password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters."
        error={errors.password?.message}
        {...form.register('password')}
      />
      <SubmitButton pending={join.isPending}>Ask to join</SubmitButton>
    </form>
  );
}
