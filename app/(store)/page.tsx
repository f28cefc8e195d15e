import { GettingStarted } from '@/components/account/getting-started';
import { HomePage } from '@/components/home/home-page';
import { TRPCReactProvider } from '@/components/trpc/provider';
import { getMe } from '@/components/shell/me';
import { orRefusalPage } from '@/components/shell/refusal';
import { serverCaller } from '@/server/trpc/server';

export const metadata = { title: 'Store' };

export default async function StoreHome() {
  const me = await getMe();
  if (!me?.membership) return null;
  const membership = me.membership;
  const api = await serverCaller();
  const [overview, counts] = await orRefusalPage(
    Promise.all([
      api.home.overview(),
      membership.permissions.includes('org.users.manage') ? api.organization.administrationCounts() : null,
    ]),
  );
  return (
    <>
      <h1>Welcome, {me.user.name}</h1>
      <p className="lede">
        <strong data-testid="active-organization">{membership.organization.name}</strong>
      </p>
      {counts && (
        <GettingStarted unitCount={counts.units ?? 0} memberCount={counts.members ?? 0} spendingLimitCount={0} />
      )}
      {/* Reorder uses the tRPC client; the store's layout leaves the provider to each section. */}
      <TRPCReactProvider>
        <HomePage overview={overview} />
      </TRPCReactProvider>
    </>
  );
}
