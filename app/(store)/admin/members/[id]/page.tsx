import { notFound } from 'next/navigation';
import { orRefusalPage } from '@/components/shell/refusal';
import { MemberLimitsSection } from '@/components/admin/approvals/member-limits-section';
import { MemberActions } from '@/components/admin/members/member-actions';
import { MemberForm } from '@/components/admin/members/member-form';
import { MemberStatusBadge } from '@/components/admin/members/member-status';
import { Alert } from '@/components/ui/alert';
import { serverCaller } from '@/server/trpc/server';
import { BackLink } from '@/components/ui/back-link';

export const metadata = { title: 'Sub-account' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> };

export default async function MemberPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { created } = await searchParams;
  if (!UUID.test(id)) notFound();
  const api = await serverCaller();
  const [member, options] = await orRefusalPage(
    Promise.all([api.members.get({ membershipId: id }), api.members.options()]),
  );
  const m = member.membership;
  const invited = member.user.status === 'invited';
  return (
    <>
      <BackLink href="/admin/members">Users and sub-accounts</BackLink>
      <h1>{member.user.name}</h1>
      <p className="lede">
        <MemberStatusBadge membershipStatus={m.status} activated={m.activated} userStatus={member.user.status} />{' '}
        {member.user.email} · {member.unitName}
      </p>
      {created && (
        <Alert tone="success">
          Created.{' '}
          {invited
            ? 'An invitation to choose a password is on its way.'
            : 'They can switch to your organization when they sign in.'}
        </Alert>
      )}
      <section className="card" aria-labelledby="details">
        <h2 id="details">Details</h2>
        <MemberForm
          options={options}
          membershipId={m.id}
          emailLocked={!invited}
          initial={{
            name: member.user.name,
            email: member.user.email,
            unitId: m.unitId,
            roleIds: member.roles.map((role) => role.id),
            mayOrder: m.mayOrder,
            maySeePrices: m.maySeePrices,
            maySeeStock: m.maySeeStock,
            mayAuthorizeOrders: m.mayAuthorizeOrders,
            hasLimitedBudget: m.hasLimitedBudget,
          }}
        />
      </section>
      <MemberLimitsSection membershipId={m.id} hasLimitedBudget={m.hasLimitedBudget} />
      {m.status === 'active' && (
        <section className="card" aria-labelledby="access">
          <h2 id="access">Access</h2>
          <MemberActions membershipId={m.id} name={member.user.name} activated={m.activated} invited={invited} />
        </section>
      )}
    </>
  );
}
