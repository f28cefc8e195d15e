'use client';

import { zodResolver } from '@/components/ui/zod-resolver';
import { useQueryClient } from '@tanstack/react-query';
import { signIn } from 'next-auth/react';
import Link from 'next/link';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTRPC } from '@/components/trpc/provider';
import { Alert } from '@/components/ui/alert';
import { Field } from '@/components/ui/field';
import { Button } from '@/components/ui/button';
import { SubmitButton } from '@/components/ui/submit-button';
import { signInSchema, type SignInInput } from '@/server/schemas/auth';
import { safeRedirectPath } from './safe-redirect';
import { usePasskeySignIn } from './passkey-sign-in';
import { SecondFactorStep } from './second-factor-step';
import { browserTimeZone } from './sign-in-after';
import styles from './sign-in-form.module.css';

export function SignInForm({
  callbackUrl,
  initialError,
  trustedDays,
}: {
  callbackUrl?: string;
  initialError?: string;
  /** How long a kept-signed-in device stays signed in, and after how long unused it is signed out. */
  trustedDays: { max: number; idle: number };
}) {
  const [formError, setFormError] = useState<string | null>(initialError ?? null);
  const form = useForm<SignInInput>({
    resolver: zodResolver(signInSchema),
    defaultValues: { email: '', password: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const [keepSignedIn, setKeepSignedIn] = useState(false);
  const passkey = usePasskeySignIn({ callbackUrl, keepSignedIn, onProblem: setFormError });
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [codeStep, setCodeStep] = useState(false);

  /** Whether the session just opened still owes the code from the authenticator app (the server says so). */
  const codeNeeded = () =>
    queryClient.fetchQuery({ ...trpc.session.me.queryOptions(), retry: false }).then(
      () => false,
      (error: { data?: { secondFactor?: string } | null }) => error.data?.secondFactor === 'code_needed',
    );

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await signIn('credentials', {
      ...values,
      trusted: String(keepSignedIn),
      timeZone: browserTimeZone(),
      redirect: false,
    });
    if (!result || result.error) {
      setFormError(
        result?.error && result.error !== 'CredentialsSignin' ? result.error : 'Sign-in failed. Please try again.',
      );
      return;
    }
    if (await codeNeeded()) {
      setCodeStep(true);
      return;
    }
    window.location.assign(safeRedirectPath(callbackUrl));
  });

  if (codeStep) return <SecondFactorStep callbackUrl={callbackUrl} />;
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="Sign in">
      {formError && <Alert tone="error">{formError}</Alert>}
      <Field
        label="Email address"
        type="email"
        // "webauthn" lets the browser offer this site's passkeys in the field's autofill.
        autoComplete="username webauthn"
        error={errors.email?.message}
        {...form.register('email')}
      />
      <Field
        label="Password"
        type="password"
        autoComplete="current-password"
        error={errors.password?.message}
        {...form.register('password')}
      />
      <label className="checkbox">
        <input
          type="checkbox"
          name="trusted"
          checked={keepSignedIn}
          onChange={(event) => setKeepSignedIn(event.target.checked)}
        />{' '}
        Keep me signed in on this device
      </label>
      <p className="field-hint">
        For a phone or computer only you use: it stays signed in for up to {trustedDays.max} days, and signs out after{' '}
        {trustedDays.idle} days unused.
      </p>
      <div className={styles.buttons}>
        <SubmitButton pending={isSubmitting} pendingLabel="Signing in…">
          Sign in
        </SubmitButton>
        {passkey.availability !== 'unsupported' && (
          <Button
            className="button"
            onClick={passkey.signInWithPasskey}
            disabled={passkey.availability === 'starting' || passkey.pending}
            aria-busy={passkey.pending || undefined}
          >
            {passkey.pending ? 'Checking your passkey…' : 'Use a passkey'}
          </Button>
        )}
      </div>
      <p className="auth-links">
        <Link href="/forgot-password">Forgot your password?</Link>
      </p>
    </form>
  );
}
