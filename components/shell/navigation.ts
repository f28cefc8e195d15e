import type { Permission } from '@/server/domain/access/permissions';

export type NavItem = { href: string; label: string; permission?: Permission };

/** The menus; an entry with a permission is shown only to members who hold it. */
export const STORE_NAV: NavItem[] = [
  { href: '/', label: 'Home' },
  { href: '/admin', label: 'Administration', permission: 'org.users.manage' },
  { href: '/account', label: 'My account' },
];

/** The buyer administrator's pages, listed on /admin and linked from the getting-started checklist. */
export const ADMIN_SECTIONS: NavItem[] = [{ href: '/admin/joining', label: 'Invitation code and joining requests', permission: 'org.users.manage' }];

export const STAFF_NAV: NavItem[] = [
  { href: '/staff', label: 'Dashboard' },
  { href: '/staff/registrations', label: 'Registrations', permission: 'staff.registrations.view' },
  { href: '/staff/erp', label: 'ERP customers', permission: 'staff.erp.import' },
  { href: '/staff/jobs', label: 'Jobs & email', permission: 'staff.system.view' },
  { href: '/staff/account', label: 'My account' },
];

export function visibleNav(items: NavItem[], permissions: readonly string[]): NavItem[] {
  return items.filter((item) => !item.permission || permissions.includes(item.permission));
}
