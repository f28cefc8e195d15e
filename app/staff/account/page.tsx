import { AccountPage } from '@/components/account/account-page';
import { SecondFactorPolicyForm } from '@/components/second-factor/policy-form';
import { getMe } from '@/components/shell/me';
import { serverCaller } from '@/server/trpc/server';

export const metadata = { title: 'My account' };

export default async function StaffAccountPage() {
  const me = await getMe();
  const staffPolicy = me?.membership?.permissions.includes('staff.security.manage')
    ? await (await serverCaller()).secondFactor.staffPolicy()
    : null;
  return (
    me && (
      <>
        <AccountPage me={me} />
        {staffPolicy && <SecondFactorPolicyForm kind="staff" initial={staffPolicy} />}
      </>
    )
  );
}
