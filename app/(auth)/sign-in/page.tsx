import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SecondFactorStep } from '@/components/auth/second-factor-step';
import { SignInForm } from '@/components/auth/sign-in-form';
import { getViewer } from '@/server/auth/current';
import { serverEnv } from '@/server/env';

export const metadata = { title: 'Sign in' };

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl, error } = await searchParams;
  const viewer = await getViewer();
  // The password was given, the code not yet: the second step, also after a reload.
  if (viewer?.secondFactor === 'code_needed') {
    return (
      <>
        <h1>Sign in</h1>
        <SecondFactorStep callbackUrl={callbackUrl} />
      </>
    );
  }
  if (viewer) redirect('/');
  // next-auth sends people here with ?error= when they sign in without JavaScript.
  const initialError = error
    ? error === 'CredentialsSignin'
      ? 'Sign-in failed. Please try again.'
      : error.slice(0, 200)
    : undefined;
  return (
    <>
      <h1>Sign in</h1>
      <p className="lede">Sign in to order, approve and manage your organization&apos;s purchasing.</p>
      <SignInForm
        callbackUrl={callbackUrl}
        initialError={initialError}
        trustedDays={{ max: serverEnv().TRUSTED_SESSION_MAX_DAYS, idle: serverEnv().TRUSTED_SESSION_IDLE_DAYS }}
      />
      <p className="auth-links">
        New here? <Link href="/register">Register your organization</Link> ·{' '}
        <Link href="/join">Join with an invitation code</Link>
      </p>
      <p className="auth-links">
        <Link href="/register/existing-customer">I already buy from you — get an account</Link>
      </p>
    </>
  );
}
