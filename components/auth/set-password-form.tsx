'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTRPC } from '@/components/trpc/provider';
import { Alert } from '@/components/ui/alert';
import { Field } from '@/components/ui/field';
import { useServerForm } from '@/components/ui/use-server-form';
import { SubmitButton } from '@/components/ui/submit-button';
import { resetPasswordSchema, type ResetPasswordInput } from '@/server/schemas/auth';
import { signInWithNewPassword } from './sign-in-after';

/** The first password of an account someone made for this person; then straight into the store. */
export function SetPasswordForm({ token, email }: { token: string; email: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { form, formError, setFormError, onServerError } = useServerForm<ResetPasswordInput>({
    schema: resetPasswordSchema,
    fields: ['newPassword', 'confirmPassword'],
    defaultValues: { token, newPassword: '', confirmPassword: '' },
  });
  const save = useMutation(
    trpc.invitations.setPassword.mutationOptions({
      onMutate: () => setFormError(null),
      onError: onServerError,
      onSuccess: async (result, input) => {
        const problem = await signInWithNewPassword(result.email, input.newPassword);
        if (problem) setFormError(problem);
        else router.replace('/');
      },
    }),
  );
  const { errors } = form.formState;
  if (save.isSuccess) {
    return (
      <>
        <Alert tone="success">Your password is set. Signing you in…</Alert>
        {formError && (
          <Alert tone="error">
            {formError} <Link href="/sign-in">Go to sign-in</Link>
          </Alert>
        )}
      </>
    );
  }
  return (
    <form
      className="form"
      noValidate
      onSubmit={form.handleSubmit((values) => save.mutate(values))}
      aria-label="Choose your password"
    >
      {formError && <Alert tone="error">{formError}</Alert>}
      <p>
        Your login is <strong>{email}</strong>.
      </p>
      <Field
        label="Password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters. A phrase of a few words works well."
        error={errors.newPassword?.message}
        {...form.register('newPassword')}
      />
      <Field
        label="Repeat the password"
        type="password"
        autoComplete="new-password"
        error={errors.confirmPassword?.message}
        {...form.register('confirmPassword')}
      />
      <SubmitButton pending={save.isPending}>Save my password</SubmitButton>
    </form>
  );
}
