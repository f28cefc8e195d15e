'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useTRPC } from '@/components/trpc/provider';
import { Alert } from '@/components/ui/alert';
import { Field } from '@/components/ui/field';
import { useServerForm } from '@/components/ui/use-server-form';
import { SubmitButton } from '@/components/ui/submit-button';
import { resetPasswordSchema, type ResetPasswordInput } from '@/server/schemas/auth';

export function ResetPasswordForm({ token }: { token: string }) {
  const trpc = useTRPC();
  const { form, formError, onServerError } = useServerForm<ResetPasswordInput>({
    schema: resetPasswordSchema,
    fields: ['newPassword', 'confirmPassword'],
    defaultValues: { token, newPassword: '', confirmPassword: '' },
  });
  const reset = useMutation(
    trpc.account.resetPassword.mutationOptions({
      onError: onServerError,
    }),
  );
  const { errors } = form.formState;

  if (reset.isSuccess) {
    return (
      <Alert tone="success">
        Your password is changed. <Link href="/sign-in">Sign in with it</Link>.
      </Alert>
    );
  }
  return (
    <form
      className="form"
      noValidate
      onSubmit={form.handleSubmit((values) => reset.mutate(values))}
      aria-label="Choose a new password"
    >
      {formError && <Alert tone="error">{formError}</Alert>}
      <Field
        label="New password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters. A phrase of a few words works well."
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
      <SubmitButton pending={reset.isPending}>Save the new password</SubmitButton>
    </form>
  );
}
