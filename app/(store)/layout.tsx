import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { AppHeader } from '@/components/shell/app-header';
import { getMe } from '@/components/shell/me';
import { STORE_MENU } from '@/components/shell/navigation';
import { AccountProblemNotice } from '@/components/shell/refusal-notices';
import { RETURN_PATH_HEADER, signInPathFor } from '@/server/auth/return-path';

/**
 * The signed-in store. It holds no tRPC client provider: each section whose client components use
 * the tRPC client has it in its own layout, so pages without one — the approval page read on a
 * phone, which decides through server actions — do not download react-query and the tRPC client
 * (issue 6: its first-load JavaScript ≤ 160 kB gzip, checked by e2e/page-weight.spec.ts).
 *
 * A member whose account cannot be used (organization suspended, access deactivated) sees why in
 * place of every page. Pages render beside this layout and their procedures refuse such a member,
 * so the section's forbidden and not-found boundaries say the same (see there).
 */
export default async function StoreLayout({ children }: { children: ReactNode }) {
  const me = await getMe();
  // Back to the page asked for after signing in (an authorizer following an email link).
  if (!me) redirect(signInPathFor((await headers()).get(RETURN_PATH_HEADER)));
  if (me.secondFactor === 'setup_needed') redirect('/second-factor');
  if (me.membership?.organization.kind === 'seller') redirect('/staff');
  return (
    <>
      <AppHeader me={me} home="/" area="Store" menu={STORE_MENU} accountHref="/account" />
      <main id="main">
        {me.membership ? (
          children
        ) : (
          <AccountProblemNotice problem={me.membershipProblem ?? 'Choose an account to work in.'} />
        )}
      </main>
    </>
  );
}
