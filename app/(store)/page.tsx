import { GettingStarted } from '@/components/account/getting-started';
import { OrganizationTree } from '@/components/account/organization-tree';
import { getMe } from '@/components/shell/me';
import { PERMISSION_TABLE, type Permission } from '@/server/domain/access/permissions';
import { SHOP_ACCOUNT_ROLE_LABELS } from '@/server/domain/organizations/status';
import { serverCaller } from '@/server/trpc/server';

export const metadata = { title: 'Store' };

export default async function StoreHome() {
  const me = await getMe();
  if (!me?.membership) return null;
  const organization = await (await serverCaller()).organization.current();
  const membership = me.membership;
  return (
    <>
      <h1>Welcome, {me.user.name}</h1>
      <p className="lede">
        You are working in <strong data-testid="active-organization">{membership.organization.name}</strong> as{' '}
        {SHOP_ACCOUNT_ROLE_LABELS[membership.shopAccountRole].toLowerCase()}
        {membership.roleNames.length > 0 && ` (${membership.roleNames.join(', ')})`}.
      </p>
      {membership.permissions.includes('org.users.manage') && (
        <GettingStarted
          unitCount={organization.units.length - 1}
          memberCount={organization.units.reduce((sum, unit) => sum + unit.members, 0)}
          spendingLimitCount={0}
        />
      )}
      <div className="grid">
        <section className="card" aria-labelledby="can-do">
          <h2 id="can-do">What you can do here</h2>
          {membership.permissions.length === 0 ? (
            <p>Your account can sign in but has no permissions yet. Ask your administrator.</p>
          ) : (
            <ul>
              {membership.permissions.map((permission) => (
                <li key={permission}>{PERMISSION_TABLE[permission as Permission].label}</li>
              ))}
            </ul>
          )}
        </section>
        <section className="card" aria-labelledby="org">
          <h2 id="org">{organization.name}</h2>
          <OrganizationTree units={organization.units} rootId={organization.id} />
        </section>
      </div>
    </>
  );
}
