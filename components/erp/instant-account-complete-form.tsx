'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTRPC } from '@/components/trpc/provider';
import { Alert } from '@/components/ui/alert';
import { Field } from '@/components/ui/field';
import { useServerForm } from '@/components/ui/use-server-form';
import { SubmitButton } from '@/components/ui/submit-button';
import { completeInstantAccountSchema, type CompleteInstantAccountInput } from '@/server/schemas/erp';
import { signInWithNewPassword } from '@/components/auth/sign-in-after';

type Props = { token: string; email: string; customerNames: string[]; hasLogin: boolean };

const list = (names: string[]) => names.join(', ');

/** The page behind the emailed link: choose a password, or add the accounts to an existing login. */
export function InstantAccountCompleteForm({ token, email, customerNames, hasLogin }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const { form, formError, setFormError, onServerError } = useServerForm<CompleteInstantAccountInput>({
    schema: completeInstantAccountSchema,
    fields: ['newPassword', 'confirmPassword'],
    defaultValues: { token, newPassword: '', confirmPassword: '' },
  });
  const complete = useMutation(
    trpc.erp.completeInstantAccount.mutationOptions({
      onMutate: () => setFormError(null),
      onError: onServerError,
      onSuccess: async (outcome, input) => {
        if (outcome.kind !== 'created' || !input.newPassword) return;
        const problem = await signInWithNewPassword(outcome.email, input.newPassword);
        if (problem) setFormError(problem);
        else router.replace('/');
      },
    }),
  );
  const { errors } = form.formState;
  const outcome = complete.data;

  if (outcome?.kind === 'existing_login') {
    return (
      <Alert tone="success">
        {outcome.added.length > 0
          ? `Done: your login now also opens ${list(outcome.added)}.`
          : `Your login already opens ${list(outcome.already)}.`}{' '}
        Sign in with your usual password. <Link href="/sign-in">Sign in</Link>
      </Alert>
    );
  }
  if (outcome?.kind === 'created') {
    return (
      <>
        <Alert tone="success">Your account is ready. Signing you in…</Alert>
        {formError && (
          <Alert tone="error">
            {formError} <Link href="/sign-in">Go to sign-in</Link>
          </Alert>
        )}
      </>
    );
  }
  const intro = (
    <p>
      You are <strong>{email}</strong>, a contact of {list(customerNames)}.
    </p>
  );
  if (hasLogin) {
    return (
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          complete.mutate({ token });
        }}
        aria-label="Add the accounts to my login"
      >
        {formError && <Alert tone="error">{formError}</Alert>}
        {intro}
        <p>You already have a login. We will add {list(customerNames)} to it; your password stays the same.</p>
        <SubmitButton pending={complete.isPending}>Add to my login</SubmitButton>
      </form>
    );
  }
  return (
    <form
      className="form"
      noValidate
      onSubmit={form.handleSubmit((values) => complete.mutate(values))}
      aria-label="Choose a password"
    >
      {formError && <Alert tone="error">{formError}</Alert>}
      {intro}
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
      <SubmitButton pending={complete.isPending}>Create my account</SubmitButton>
    </form>
  );
}
