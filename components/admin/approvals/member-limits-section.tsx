import Link from 'next/link';
import { getMe } from '@/components/shell/me';
import { serverCaller } from '@/server/trpc/server';
import { limitTiersInWords } from './words';

/**
 * The member page's "Spending limits" section, for administrators who manage them: the tiers in
 * words and the way to change them. Nothing for members without a limited budget.
 */
export async function MemberLimitsSection({
  membershipId,
  hasLimitedBudget,
}: {
  membershipId: string;
  hasLimitedBudget: boolean;
}) {
  const me = await getMe();
  if (!hasLimitedBudget || !me?.membership?.permissions.includes('org.approvals.manage')) return null;
  const limits = await (await serverCaller()).spendingLimits.list({ membershipId });
  return (
    <section className="card" aria-labelledby="spending-limits">
      <h2 id="spending-limits">Spending limits</h2>
      <p>{limitTiersInWords(limits.entries, limits.currency)}</p>
      <p>
        <Link href={`/admin/approvals/limits/${membershipId}`} className="button">
          Manage spending limits
        </Link>
      </p>
    </section>
  );
}
