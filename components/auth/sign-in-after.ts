import { signIn } from 'next-auth/react';

/** The zone this browser runs in ("America/Los_Angeles"), sent at sign-in so times read in the person's own zone. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Signs in with the password just chosen; null when it worked, else the message saying why not. */
export async function signInWithNewPassword(email: string, password: string): Promise<string | null> {
  const result = await signIn('credentials', { email, password, timeZone: browserTimeZone(), redirect: false });
  if (result && !result.error) return null;
  return result?.error && result.error !== 'CredentialsSignin' ? result.error : 'Sign-in failed. Please try again.';
}
