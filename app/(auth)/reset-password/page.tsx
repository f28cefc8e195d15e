import Link from 'next/link';
import { ResetPasswordForm } from '@/components/auth/reset-password-form';
import { Alert } from '@/components/ui/alert';
import { serverCaller } from '@/server/trpc/server';

export const metadata = { title: 'Choose a new password' };

type Props = { searchParams: Promise<{ token?: string }> };

export default async function ResetPasswordPage({ searchParams }: Props) {
  const { token } = await searchParams;
  const check =
    token && token.length >= 10 && token.length <= 200
      ? await (await serverCaller()).account.resetPasswordLink({ token })
      : null;
  return (
    <>
      <h1>Choose a new password</h1>
      {check?.ok && token ? (
        <ResetPasswordForm token={token} />
      ) : (
        <>
          <Alert tone="error">{check?.message ?? 'This link is not valid. Ask for a new one.'}</Alert>
          <Link href="/forgot-password">Ask for a new link</Link>
        </>
      )}
    </>
  );
}
