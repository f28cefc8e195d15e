'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTRPC } from '@/components/trpc/provider';
import { Alert } from '@/components/ui/alert';
import { Field } from '@/components/ui/field';
import { applyServerErrors } from '@/components/ui/server-errors';
import { SubmitButton } from '@/components/ui/submit-button';
import { resetPasswordSchema, type ResetPasswordInput } from '@/server/schemas/auth';

export function ResetPasswordForm({ token }: { token: string }) {
  const trpc = useTRPC();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<ResetPasswordInput>({
    resolver: zodResolver(resetPasswordSchema),
    defaultValues: { token, newPassword: '', confirmPassword: '' },
  });
  const reset = useMutation(
    trpc.account.resetPassword.mutationOptions({
      onError: (error) => setFormError(applyServerErrors(error, form.setError, ['newPassword', 'confirmPassword'])),
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
