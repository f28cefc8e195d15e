import Link from 'next/link';
import { InstantAccountCompleteForm } from '@/components/erp/instant-account-complete-form';
import { Alert } from '@/components/ui/alert';
import { serverCaller } from '@/server/trpc/server';

export const metadata = { title: 'Set up your account' };

type Props = { searchParams: Promise<{ token?: string }> };

export default async function CompleteInstantAccountPage({ searchParams }: Props) {
  const { token } = await searchParams;
  const check =
    token && token.length >= 10 && token.length <= 200
      ? await (await serverCaller()).erp.instantAccount({ token })
      : null;
  return (
    <>
      <h1>Set up your account</h1>
      {check?.ok && token ? (
        <InstantAccountCompleteForm
          token={token}
          email={check.email}
          customerNames={check.customerNames}
          hasLogin={check.hasLogin}
        />
      ) : (
        <>
          <Alert tone="error">{check?.message ?? 'This link is not valid. Ask for a new one.'}</Alert>
          <Link href="/register/existing-customer">Ask for a new link</Link>
        </>
      )}
    </>
  );
}
