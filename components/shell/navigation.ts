import type { Permission } from '@/server/domain/access/permissions';

/** `permission`: shown to members holding it, or any of them when several are named. */
export type NavItem = { href: string; label: string; permission?: Permission | readonly Permission[] };

/** A header entry: a page, or a group of pages opened from one button (a section with many pages). */
export type MenuEntry = NavItem | { group: string; items: NavItem[] };

const ADMINISTRATION: readonly Permission[] = [
  'org.users.manage',
  'org.units.manage',
  'org.roles.manage',
  'org.approvals.manage',
];

/** The buyer administrator's pages, listed on /admin and grouped under Administration in the header. */
export const ADMIN_SECTIONS: NavItem[] = [
  { href: '/admin/members', label: 'Users and sub-accounts', permission: 'org.users.manage' },
  { href: '/admin/units', label: 'Departments and branches', permission: 'org.units.manage' },
  { href: '/admin/addresses', label: 'Ship-to addresses', permission: 'org.units.manage' },
  { href: '/admin/roles', label: 'Roles and permissions', permission: 'org.roles.manage' },
  { href: '/admin/approvals', label: 'Spending limits and approval rules', permission: 'org.approvals.manage' },
  { href: '/admin/joining', label: 'Invitation code and joining requests', permission: 'org.users.manage' },
  { href: '/admin/history', label: 'History of changes', permission: ADMINISTRATION },
  { href: '/admin/insights', label: 'Insights', permission: 'insights.view' },
];

/**
 * The store's header. Home is the brand; the cart and the authorizations inbox sit in the bar itself
 * with their counts (see AppHeader), so they are not entries here.
 */
export const STORE_MENU: MenuEntry[] = [
  { href: '/catalog', label: 'Catalog' },
  {
    group: 'Orders',
    items: [
      { href: '/orders', label: 'Orders', permission: 'orders.view' },
      { href: '/quotes', label: 'Quotes', permission: 'quotes.request' },
      { href: '/templates', label: 'Order templates', permission: 'orders.place' },
    ],
  },
  {
    group: 'Administration',
    items: [{ href: '/admin', label: 'Overview', permission: [...ADMINISTRATION, 'insights.view'] }, ...ADMIN_SECTIONS],
  },
];

/** The staff header: the dashboard is the brand; queues grouped by who works them. */
export const STAFF_MENU: MenuEntry[] = [
  {
    group: 'Customers',
    items: [
      { href: '/staff/registrations', label: 'Registrations', permission: 'staff.registrations.view' },
      { href: '/staff/erp', label: 'ERP customers', permission: 'staff.erp.import' },
    ],
  },
  {
    group: 'Orders',
    items: [
      { href: '/staff/orders', label: 'Orders', permission: 'staff.orders.view' },
      { href: '/staff/payments', label: 'Payment review', permission: 'staff.payments.review' },
      { href: '/staff/quotes', label: 'Quotes', permission: 'staff.quotes.price' },
      { href: '/staff/overview', label: 'Operations overview', permission: 'staff.orders.view' },
    ],
  },
  { href: '/staff/fulfillment', label: 'Fulfillment', permission: 'staff.fulfillment.work' },
  { href: '/staff/catalog', label: 'Catalog', permission: 'staff.catalog.manage' },
  { href: '/staff/jobs', label: 'Jobs & email', permission: 'staff.system.view' },
];

/** The staff pages as one list (the dashboard's sections). */
export const STAFF_NAV: NavItem[] = [
  { href: '/staff', label: 'Dashboard' },
  ...STAFF_MENU.flatMap((entry) => ('group' in entry ? entry.items : [entry])),
  { href: '/staff/account', label: 'My account' },
];

function mayOpen(item: NavItem, permissions: readonly string[]): boolean {
  if (!item.permission) return true;
  const needed: readonly string[] = typeof item.permission === 'string' ? [item.permission] : item.permission;
  return needed.some((permission) => permissions.includes(permission));
}

export function visibleNav(items: NavItem[], permissions: readonly string[]): NavItem[] {
  return items.filter((item) => mayOpen(item, permissions));
}

/**
 * The header entries this member may open: a group keeps only its allowed pages, a group with one
 * page left becomes that page (a menu of one is a detour), and an empty group disappears.
 */
export function visibleMenu(entries: MenuEntry[], permissions: readonly string[]): MenuEntry[] {
  return entries.flatMap((entry): MenuEntry[] => {
    if (!('group' in entry)) return mayOpen(entry, permissions) ? [entry] : [];
    const items = visibleNav(entry.items, permissions);
    if (items.length === 0) return [];
    if (items.length === 1) return items;
    return [{ group: entry.group, items }];
  });
}
