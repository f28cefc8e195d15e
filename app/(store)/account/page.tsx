import { TRPCError } from '@trpc/server';
import Link from 'next/link';
import { AccountPage } from '@/components/account/account-page';
import { MyPermissions } from '@/components/account/my-permissions';
import { NotificationsSection } from '@/components/push/notify-me';
import { getMe } from '@/components/shell/me';
import { serverCaller } from '@/server/trpc/server';

export const metadata = { title: 'My account' };

/** Whether the server would show this member the statement (prices and the whole organization's orders). */
async function mayReadStatement(permissions: readonly string[]): Promise<boolean> {
  if (!permissions.includes('prices.view') || !permissions.includes('orders.view')) return false;
  return (await serverCaller()).orders.statement({ pageSize: 1 }).then(
    () => true,
    (error: unknown) => (error instanceof TRPCError && error.code === 'FORBIDDEN' ? false : Promise.reject(error)),
  );
}

export default async function StoreAccountPage() {
  const me = await getMe();
  const statement =
    me?.membership?.organization.kind === 'buyer' && (await mayReadStatement(me.membership.permissions));
  return (
    me && (
      <>
        <AccountPage me={me} />
        <NotificationsSection timeZone={me.user.timeZone} />
        {me.membership?.organization.kind === 'buyer' && <MyPermissions permissions={me.membership.permissions} />}
        {statement && (
          <p>
            <Link className="link-target" href="/account/statement">
              Account credit and statement
            </Link>
          </p>
        )}
        {me.membership?.organization.kind === 'buyer' && me.membership.permissions.includes('orders.approve') && (
          <p>
            <Link className="link-target" href="/account/out-of-office">
              Out of office: name a stand-in for your approvals
            </Link>
          </p>
        )}
      </>
    )
  );
}
