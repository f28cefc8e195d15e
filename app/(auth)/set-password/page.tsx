import Link from 'next/link';
import { SetPasswordForm } from '@/components/auth/set-password-form';
import { Alert } from '@/components/ui/alert';
import { serverCaller } from '@/server/trpc/server';

export const metadata = { title: 'Choose your password' };

type Props = { searchParams: Promise<{ token?: string }> };

export default async function SetPasswordPage({ searchParams }: Props) {
  const { token } = await searchParams;
  const check =
    token && token.length >= 10 && token.length <= 200
      ? await (await serverCaller()).invitations.setPasswordLink({ token })
      : null;
  return (
    <>
      <h1>Choose your password</h1>
      {check?.ok && token ? (
        <SetPasswordForm token={token} email={check.email} />
      ) : (
        <>
          <Alert tone="error">{check?.message ?? 'This link is not valid. Ask for a new one.'}</Alert>
          <Link href="/sign-in">Go to sign-in</Link>
        </>
      )}
    </>
  );
}
