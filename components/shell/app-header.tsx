import Link from 'next/link';
import { AccountSwitcher } from './account-switcher';
import type { Me } from './me';
import { NavLinks } from './nav-links';
import { visibleNav, type NavItem } from './navigation';
import { SignOutButton } from './sign-out-button';

/** The bar on every signed-in page: brand, the account in use, the menu this person may use. */
export function AppHeader({ me, home, area, nav }: { me: Me; home: string; area: string; nav: NavItem[] }) {
  const permissions = me.membership?.permissions ?? [];
  return (
    <header className="app-header">
      <div className="app-header-inner">
        <Link href={home} className="brand">
          Countersign<small>{area}</small>
        </Link>
        {me.membership && <NavLinks items={visibleNav(nav, permissions)} label={`${area} menu`} />}
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
