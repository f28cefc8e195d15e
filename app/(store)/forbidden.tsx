import { getMe } from '@/components/shell/me';
import { AccountProblemNotice, ForbiddenNotice } from '@/components/shell/refusal-notices';

export const metadata = { title: 'Not for you' };

/**
 * A page of this section called forbidden(): the notice goes inside the section's own main landmark.
 * A member whose account cannot be used is refused by every procedure; they read why instead.
 */
export default async function Forbidden() {
  const me = await getMe();
  if (me && !me.membership && me.membershipProblem) return <AccountProblemNotice problem={me.membershipProblem} />;
  return <ForbiddenNotice />;
}
