import Link from 'next/link';
import { waitingLabel, WaitingCount } from '@/components/authorizations/waiting-count';
import { AccountSwitcher } from './account-switcher';
import { getWaitingCount, type Me } from './me';
import { NavLinks } from './nav-links';
import { visibleNav, type NavItem } from './navigation';
import { SignOutButton } from './sign-out-button';

/** The bar on every signed-in page: brand, the account in use, the menu this person may use. */
export async function AppHeader({ me, home, area, nav }: { me: Me; home: string; area: string; nav: NavItem[] }) {
  const permissions = me.membership?.permissions ?? [];
  const items = me.membership ? visibleNav(nav, permissions) : [];
  // Orders waiting for this authorizer, beside the menu entry on every page (desktop and phone).
  const waiting = items.some((item) => item.href === '/authorizations') ? await getWaitingCount() : null;
  const badges = waiting
    ? {
        '/authorizations': {
          content: <WaitingCount count={waiting} />,
          label: waitingLabel('Authorizations', waiting),
        },
      }
    : undefined;
  return (
    <header className="app-header">
      <div className="app-header-inner">
        <Link href={home} className="brand">
          Countersign<small>{area}</small>
        </Link>
        {me.membership && <NavLinks items={items} label={`${area} menu`} badges={badges} />}
        <div className="header-tools">
          {me.accounts.length > 1 ? (
            <AccountSwitcher accounts={me.accounts} activeId={me.membership?.id ?? null} />
          ) : (
            me.membership && <span data-testid="organization-name">{me.membership.organization.name}</span>
          )}
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
