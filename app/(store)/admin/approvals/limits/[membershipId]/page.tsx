import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { LimitsEditor } from '@/components/admin/approvals/limits-editor';
import { getMe } from '@/components/shell/me';
import { orRefusalPage } from '@/components/shell/refusal';
import { serverCaller } from '@/server/trpc/server';
import { BackLink } from '@/components/ui/back-link';

export const metadata = { title: 'Spending limits' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function MemberLimitsPage({ params }: { params: Promise<{ membershipId: string }> }) {
  const me = await getMe();
  const permissions = me?.membership?.permissions ?? [];
  if (!permissions.includes('org.approvals.manage')) forbidden();
  const { membershipId } = await params;
  if (!UUID.test(membershipId)) notFound();
  const limits = await orRefusalPage((await serverCaller()).spendingLimits.list({ membershipId }));
  return (
    <>
      <BackLink href="/admin/approvals">Spending limits and approval rules</BackLink>
      <h1>Spending limits of {limits.member.name}</h1>
      <p className="lede">
        {limits.member.email} · {limits.member.unitName}
        {permissions.includes('org.users.manage') && (
          <>
            {' · '}
            <Link href={`/admin/members/${limits.member.membershipId}`}>Their account</Link>
          </>
        )}
      </p>
      <LimitsEditor limits={limits} />
    </>
  );
}
