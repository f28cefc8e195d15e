import { getMe } from '@/components/shell/me';
import { AccountProblemNotice, ForbiddenNotice } from '@/components/shell/refusal-notices';

export const metadata = { title: 'Not for you' };

/**
 * Rendered with status 403 when a section's layout calls forbidden(): no section layout around it.
 * Someone whose account cannot be used (organization suspended …) reads why, not a bare refusal.
 */
export default async function Forbidden() {
  const me = await getMe();
  return (
    <main id="main">
      {me && !me.membership && me.membershipProblem ? (
        <AccountProblemNotice problem={me.membershipProblem} />
      ) : (
        <ForbiddenNotice />
      )}
    </main>
  );
}
