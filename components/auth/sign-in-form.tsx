'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { signIn } from 'next-auth/react';
import Link from 'next/link';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Alert } from '@/components/ui/alert';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { signInSchema, type SignInInput } from '@/server/schemas/auth';
import { safeRedirectPath } from './safe-redirect';
import { browserTimeZone } from './sign-in-after';

export function SignInForm({ callbackUrl, initialError }: { callbackUrl?: string; initialError?: string }) {
  const [formError, setFormError] = useState<string | null>(initialError ?? null);
  const form = useForm<SignInInput>({
    resolver: zodResolver(signInSchema),
    defaultValues: { email: '', password: '' },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await signIn('credentials', { ...values, timeZone: browserTimeZone(), redirect: false });
    if (!result || result.error) {
      setFormError(
        result?.error && result.error !== 'CredentialsSignin' ? result.error : 'Sign-in failed. Please try again.',
      );
      return;
    }
    window.location.assign(safeRedirectPath(callbackUrl));
  });

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="Sign in">
      {formError && <Alert tone="error">{formError}</Alert>}
      <Field
        label="Email address"
        type="email"
        autoComplete="username"
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
      <SubmitButton pending={isSubmitting} pendingLabel="Signing in…">
        Sign in
      </SubmitButton>
      <p className="auth-links">
        <Link href="/forgot-password">Forgot your password?</Link>
      </p>
    </form>
  );
}
