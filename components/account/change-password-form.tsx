'use client';

import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '@/components/trpc/provider';
import { Alert } from '@/components/ui/alert';
import { Field } from '@/components/ui/field';
import { useServerForm } from '@/components/ui/use-server-form';
import { SubmitButton } from '@/components/ui/submit-button';
import { changePasswordSchema, type ChangePasswordInput } from '@/server/schemas/auth';

const FIELDS = ['currentPassword', 'newPassword', 'confirmPassword'] as const;

export function ChangePasswordForm() {
  const trpc = useTRPC();
  const { form, formError, setFormError, onServerError } = useServerForm<ChangePasswordInput>({
    schema: changePasswordSchema,
    fields: FIELDS,
    defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
  });
  const change = useMutation(
    trpc.account.changePassword.mutationOptions({
      onMutate: () => setFormError(null),
      onSuccess: () => form.reset(),
      onError: onServerError,
    }),
  );
  const { errors } = form.formState;
  return (
    <form
      className="form"
      noValidate
      onSubmit={form.handleSubmit((values) => change.mutate(values))}
      aria-label="Change password"
    >
      {change.isSuccess && <Alert tone="success">Your password is changed. Your other sessions were signed out.</Alert>}
      {formError && <Alert tone="error">{formError}</Alert>}
      <Field
        label="Current password"
        type="password"
        autoComplete="current-password"
        error={errors.currentPassword?.message}
        {...form.register('currentPassword')}
      />
      <Field
        label="New password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters."
        error={errors.newPassword?.message}
        {...form.register('newPassword')}
      />
      <Field
        label="Repeat the new password"
        type="password"
        autoComplete="new-password"
        error={errors.confirmPassword?.message}
        {...form.register('confirmPassword')}
      />
      <SubmitButton pending={change.isPending}>Change password</SubmitButton>
    </form>
  );
}
