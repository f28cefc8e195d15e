import { CUSTOM_ROLE_PERMISSIONS } from '@/server/domain/access/custom-roles';
import type { MembershipFlag, Permission } from '@/server/domain/access/permissions';

export type PermissionGroup = { label: string; permissions: readonly Permission[] };

const GROUPS: readonly PermissionGroup[] = [
  {
    label: 'Running the organization',
    permissions: ['org.users.manage', 'org.roles.manage', 'org.units.manage', 'org.approvals.manage', 'insights.view'],
  },
  { label: 'Ordering', permissions: ['orders.place', 'quotes.request', 'orders.view', 'orders.approve'] },
  { label: 'Catalog', permissions: ['prices.view', 'stock.view'] },
];

const grouped = new Set(GROUPS.flatMap((group) => group.permissions));
const others = CUSTOM_ROLE_PERMISSIONS.filter((permission) => !grouped.has(permission));

/** The permission list of the role form, in groups; a permission added to the table later lands in "Other". */
export const PERMISSION_GROUPS: readonly PermissionGroup[] =
  others.length > 0 ? [...GROUPS, { label: 'Other', permissions: others }] : GROUPS;

/** Why a role's permission may still not reach a member: the membership flag that gates it. */
export const FLAG_NOTES: Record<MembershipFlag, string> = {
  mayOrder: 'Only for members allowed to order.',
  maySeePrices: 'Only for members allowed to see prices.',
  maySeeStock: 'Only for members allowed to see stock.',
  mayAuthorizeOrders: 'Only for members allowed to authorize orders.',
};
