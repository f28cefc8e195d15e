import Link from 'next/link';
import { AccountSwitcher } from './account-switcher';
import { getCartItemCount, getWaitingCount, type Me } from './me';
import { visibleMenu, type MenuEntry } from './navigation';
import { SignOutButton } from './sign-out-button';
import { SiteNav, type QuickLink } from './site-nav';
import styles from './header.module.css';

/** A count on a quick link; the link's accessible name says it in words. */
const count = (n: number, testId?: string) =>
  n > 0 ? (
    <span className={styles.count} data-testid={testId} aria-hidden="true">
      {n > 99 ? '99+' : n}
    </span>
  ) : null;

const inboxIcon = (
  <svg className={styles.icon} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
    <path fill="currentColor" d="M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4L9 16.2Z" />
  </svg>
);
const cartIcon = (
  <svg className={styles.icon} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
    <path
      fill="currentColor"
      d="M7 18a2 2 0 1 0 0 4 2 2 0 0 0 0-4Zm10 0a2 2 0 1 0 0 4 2 2 0 0 0 0-4ZM7.2 14h9.9c.8 0 1.4-.4 1.8-1.1L22 6H5.2l-.9-2H1v2h2l3.6 7.6L5.2 16c-.7 1.3.2 3 1.8 3h12v-2H7.4l.8-1.5-.9-1.5Z"
    />
  </svg>
);

/**
 * The bar on every signed-in page. On a phone it is one row: brand, the orders waiting for this
 * authorizer, the cart with its count, and the menu; on a desktop the menu's entries sit in the row.
 */
export async function AppHeader({
  me,
  home,
  area,
  menu,
  accountHref,
}: {
  me: Me;
  home: string;
  area: string;
  menu: MenuEntry[];
  accountHref: string;
}) {
  const permissions = me.membership?.permissions ?? [];
  const entries = me.membership ? visibleMenu(menu, permissions) : [];
  const [waiting, cartItems] = await Promise.all([getWaitingCount(), getCartItemCount()]);
  const quickLinks: QuickLink[] = [];
  if (waiting !== null) {
    quickLinks.push({
      href: '/authorizations',
      label: 'Authorizations',
      accessibleName: waiting > 0 ? `Authorizations, ${waiting} waiting` : 'Authorizations',
      icon: inboxIcon,
      count: count(waiting, 'authorizations-waiting'),
    });
  }
  if (cartItems !== null) {
    quickLinks.push({
      href: '/cart',
      label: 'Cart',
      accessibleName: cartItems > 0 ? `Cart, ${cartItems} ${cartItems === 1 ? 'item' : 'items'}` : 'Cart',
      icon: cartIcon,
      count: count(cartItems),
    });
  }
  const organization = me.membership?.organization.name;
  return (
    <header className={styles.header}>
      <div className={styles.bar}>
        <Link href={home} className={styles.brand}>
          <span className={styles.mark} aria-hidden="true" />
          Countersign<small>{area}</small>
        </Link>
        <SiteNav
          label={`${area} menu`}
          entries={entries}
          quickLinks={quickLinks}
          account={{
            title: organization ?? 'Account',
            content: (
              <div className={styles.account}>
                <p className={styles.who}>
                  <strong>{me.user.name}</strong>
                  <span>{me.user.email}</span>
                  {organization && <span data-testid="organization-name">{organization}</span>}
                </p>
                {me.accounts.length > 1 && (
                  <AccountSwitcher accounts={me.accounts} activeId={me.membership?.id ?? null} />
                )}
                <ul className={styles.list}>
                  <li>
                    <Link href={accountHref} className={styles.link}>
                      My account
                    </Link>
                  </li>
                </ul>
                <SignOutButton className={styles.signOut} />
              </div>
            ),
          }}
        />
      </div>
    </header>
  );
}
