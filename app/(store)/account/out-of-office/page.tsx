import { OutOfOffice } from '@/components/account/out-of-office';
import { orRefusalPage } from '@/components/shell/refusal';
import { serverCaller } from '@/server/trpc/server';
import { BackLink } from '@/components/ui/back-link';

export const metadata = { title: 'Out of office' };

export default async function OutOfOfficePage() {
  const caller = await serverCaller();
  const [current, options] = await Promise.all([
    orRefusalPage(caller.delegations.get()),
    orRefusalPage(caller.delegations.options()),
  ]);
  return (
    <>
      <BackLink href="/account">My account</BackLink>
      <h1>Out of office</h1>
      <p className="lede">
        Away for a while? Name a stand-in: orders that need your approval while you are away are also offered to them,
        and what they decide is recorded as on your behalf.
      </p>
      <OutOfOffice current={current} options={options} today={new Date().toISOString().slice(0, 10)} />
    </>
  );
}
