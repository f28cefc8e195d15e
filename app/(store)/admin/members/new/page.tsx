import { orRefusalPage } from '@/components/shell/refusal';
import { MemberForm } from '@/components/admin/members/member-form';
import { serverCaller } from '@/server/trpc/server';
import { BackLink } from '@/components/ui/back-link';

export const metadata = { title: 'New sub-account' };

export default async function NewMemberPage() {
  const options = await orRefusalPage((await serverCaller()).members.options());
  const buyerRole = options.roles.find((role) => role.key === 'buyer' && role.grantable);
  return (
    <>
      <BackLink href="/admin/members">Users and sub-accounts</BackLink>
      <h1>New sub-account</h1>
      <p className="lede">They get an email with a link to choose their password; until then they show as invited.</p>
      <MemberForm
        options={options}
        initial={{
          name: '',
          email: '',
          unitId: options.units[0]?.id ?? '',
          roleIds: buyerRole ? [buyerRole.id] : [],
          mayOrder: true,
          maySeePrices: true,
          maySeeStock: true,
          mayAuthorizeOrders: false,
          hasLimitedBudget: false,
        }}
      />
    </>
  );
}
