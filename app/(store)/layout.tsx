import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { AppHeader } from '@/components/shell/app-header';
import { getMe } from '@/components/shell/me';
import { STORE_NAV } from '@/components/shell/navigation';
import { Alert } from '@/components/ui/alert';

export default async function StoreLayout({ children }: { children: ReactNode }) {
  const me = await getMe();
  if (!me) redirect('/sign-in');
  if (me.membership?.organization.kind === 'seller') redirect('/staff');
  return (
    <>
      <AppHeader me={me} home="/" area="Store" nav={STORE_NAV} />
      <main id="main">
        {me.membership ? (
          children
        ) : (
          <Alert tone="error">{me.membershipProblem ?? 'Choose an account to work in.'}</Alert>
        )}
      </main>
    </>
  );
}
