import type { Permission } from '@/server/domain/access/permissions';

/** `permission`: shown to members holding it, or any of them when several are named. */
export type NavItem = { href: string; label: string; permission?: Permission | readonly Permission[] };

const ADMINISTRATION: readonly Permission[] = [
  'org.users.manage',
  'org.units.manage',
  'org.roles.manage',
  'org.approvals.manage',
];

/** The menus; an entry with a permission is shown only to members who hold it. */
export const STORE_NAV: NavItem[] = [
  { href: '/', label: 'Home' },
  { href: '/catalog', label: 'Catalog' },
  { href: '/cart', label: 'Cart', permission: 'orders.place' },
  { href: '/orders', label: 'Orders', permission: 'orders.view' },
  { href: '/quotes', label: 'Quotes', permission: 'quotes.request' },
  { href: '/authorizations', label: 'Authorizations', permission: 'orders.approve' },
  { href: '/templates', label: 'Order templates', permission: 'orders.place' },
  { href: '/admin', label: 'Administration', permission: ADMINISTRATION },
  { href: '/account', label: 'My account' },
];

/** The buyer administrator's pages, listed on /admin and linked from the getting-started checklist. */
export const ADMIN_SECTIONS: NavItem[] = [
  { href: '/admin/members', label: 'Users and sub-accounts', permission: 'org.users.manage' },
  { href: '/admin/units', label: 'Departments and branches', permission: 'org.units.manage' },
  { href: '/admin/addresses', label: 'Ship-to addresses', permission: 'org.units.manage' },
  { href: '/admin/roles', label: 'Roles and permissions', permission: 'org.roles.manage' },
  { href: '/admin/approvals', label: 'Spending limits and approval rules', permission: 'org.approvals.manage' },
  { href: '/admin/joining', label: 'Invitation code and joining requests', permission: 'org.users.manage' },
  { href: '/admin/history', label: 'History of changes', permission: ADMINISTRATION },
];

export const STAFF_NAV: NavItem[] = [
  { href: '/staff', label: 'Dashboard' },
  { href: '/staff/registrations', label: 'Registrations', permission: 'staff.registrations.view' },
  { href: '/staff/erp', label: 'ERP customers', permission: 'staff.erp.import' },
  { href: '/staff/orders', label: 'Orders', permission: 'staff.orders.view' },
  { href: '/staff/payments', label: 'Payment review', permission: 'staff.payments.review' },
  { href: '/staff/quotes', label: 'Quotes', permission: 'staff.quotes.price' },
  { href: '/staff/fulfillment', label: 'Fulfillment', permission: 'staff.fulfillment.work' },
  { href: '/staff/catalog', label: 'Catalog', permission: 'staff.catalog.manage' },
  { href: '/staff/jobs', label: 'Jobs & email', permission: 'staff.system.view' },
  { href: '/staff/account', label: 'My account' },
];

export function visibleNav(items: NavItem[], permissions: readonly string[]): NavItem[] {
  return items.filter((item) => {
    if (!item.permission) return true;
    const needed: readonly string[] = typeof item.permission === 'string' ? [item.permission] : item.permission;
    return needed.some((permission) => permissions.includes(permission));
  });
}
