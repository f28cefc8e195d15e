import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { AppHeader } from '@/components/shell/app-header';
import { getMe } from '@/components/shell/me';
import { STORE_NAV } from '@/components/shell/navigation';
import { Alert } from '@/components/ui/alert';
import { RETURN_PATH_HEADER, signInPathFor } from '@/server/auth/return-path';

export default async function StoreLayout({ children }: { children: ReactNode }) {
  const me = await getMe();
  // Back to the page asked for after signing in (an authorizer following an email link).
  if (!me) redirect(signInPathFor((await headers()).get(RETURN_PATH_HEADER)));
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
