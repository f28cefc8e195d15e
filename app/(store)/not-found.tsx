import { getMe } from '@/components/shell/me';
import { AccountProblemNotice, NotFoundNotice } from '@/components/shell/refusal-notices';

/**
 * A page of this section called notFound(): the notice goes inside the section's own main landmark.
 * A member whose account cannot be used reads why instead, as on every other page of the store.
 */
export default async function NotFound() {
  const me = await getMe();
  if (me && !me.membership && me.membershipProblem) return <AccountProblemNotice problem={me.membershipProblem} />;
  return <NotFoundNotice />;
}
