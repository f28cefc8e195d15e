import { forbidden, redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { AppHeader } from '@/components/shell/app-header';
import { getMe } from '@/components/shell/me';
import { STAFF_MENU } from '@/components/shell/navigation';
import { TRPCReactProvider } from '@/components/trpc/provider';

/** Staff pages: signed-out people go to sign-in; signed-in buyers get a 403 page, not just a hidden menu. */
export default async function StaffLayout({ children }: { children: ReactNode }) {
  const me = await getMe();
  if (!me) redirect('/sign-in?callbackUrl=/staff');
  if (me.secondFactor === 'setup_needed') redirect('/second-factor');
  if (me.membership?.organization.kind !== 'seller') forbidden();
  return (
    <>
      <AppHeader me={me} home="/staff" area="Staff" menu={STAFF_MENU} accountHref="/staff/account" />
      <main id="main">
        <TRPCReactProvider>{children}</TRPCReactProvider>
      </main>
    </>
  );
}
