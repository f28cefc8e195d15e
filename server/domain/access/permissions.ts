import type { OrganizationKind } from '../organizations/status';

/**
 * The one permission table. Every role, predefined or custom, is a set of these names; every
 * procedure that needs one names it in its `meta.permission`, which orgProcedure checks.
 *
 * `flag` names the membership flag that gates the permission: without the flag the permission is
 * not effective, whatever the roles say (Sana's "may see prices" and friends).
 */
export const MEMBERSHIP_FLAGS = ['mayOrder', 'maySeePrices', 'maySeeStock', 'mayAuthorizeOrders'] as const;
export type MembershipFlag = (typeof MEMBERSHIP_FLAGS)[number];

/**
 * How far a permission reaches: the member's own records, their unit and the units below it, or
 * the whole organization. Listed narrowest first.
 */
export const SCOPES = ['own', 'unit', 'org'] as const;
export type Scope = (typeof SCOPES)[number];

export const SCOPE_LABELS: Record<Scope, string> = {
  own: 'their own',
  unit: 'their unit and the units below it',
  org: 'the whole organization',
};

export type PermissionDefinition = {
  side: OrganizationKind;
  label: string;
  flag?: MembershipFlag;
  scopes?: readonly Scope[];
};

export const PERMISSIONS = {
  // Buyer organization
  'org.users.manage': { side: 'buyer', label: 'Manage users', scopes: ['unit', 'org'] },
  'org.roles.manage': { side: 'buyer', label: 'Manage roles' },
  'org.units.manage': { side: 'buyer', label: 'Manage units' },
  'org.approvals.manage': { side: 'buyer', label: 'Manage spending limits and approval rules' },
  'orders.place': { side: 'buyer', label: 'Place orders', flag: 'mayOrder' },
  'quotes.request': { side: 'buyer', label: 'Request quotes', flag: 'mayOrder' },
  'orders.view': { side: 'buyer', label: 'View orders', scopes: ['own', 'unit', 'org'] },
  'orders.approve': { side: 'buyer', label: 'Approve orders', flag: 'mayAuthorizeOrders', scopes: ['unit', 'org'] },
  'prices.view': { side: 'buyer', label: 'View prices', flag: 'maySeePrices' },
  'stock.view': { side: 'buyer', label: 'View stock', flag: 'maySeeStock' },
  'insights.view': { side: 'buyer', label: 'View insights (spend and approval charts)', scopes: ['unit', 'org'] },
  // Seller staff
  'staff.registrations.view': { side: 'seller', label: 'View registrations' },
  'staff.registrations.decide': { side: 'seller', label: 'Approve, reject and assign registrations' },
  'staff.accounts.setup': { side: 'seller', label: 'Set up the customer accounts and contracts assigned to them' },
  'staff.accounts.setup.any': { side: 'seller', label: 'Set up any customer account, assigned or not' },
  'staff.organizations.suspend': { side: 'seller', label: 'Suspend and reactivate organizations' },
  'staff.erp.import': { side: 'seller', label: 'Import ERP customers and contacts' },
  'staff.orders.view': { side: 'seller', label: 'View all orders' },
  'staff.orders.manage': { side: 'seller', label: 'Cancel orders and record customer payments' },
  'staff.payments.review': { side: 'seller', label: 'Review payments' },
  'staff.fulfillment.work': { side: 'seller', label: 'Work fulfillment' },
  'staff.catalog.manage': { side: 'seller', label: 'Manage catalog, prices and stock' },
  'staff.quotes.price': { side: 'seller', label: 'Price quotes' },
  'staff.system.view': { side: 'seller', label: 'View scheduled jobs and the email outbox' },
  'staff.security.manage': { side: 'seller', label: 'Require a second factor of every staff member' },
} as const satisfies Record<string, PermissionDefinition>;

export type Permission = keyof typeof PERMISSIONS;
export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

/** The table widened to its row type, for code that reads optional columns such as `flag`. */
export const PERMISSION_TABLE: Record<Permission, PermissionDefinition> = PERMISSIONS;

export function isPermission(value: string): value is Permission {
  return Object.hasOwn(PERMISSIONS, value);
}

export function permissionsForSide(side: OrganizationKind): Permission[] {
  return ALL_PERMISSIONS.filter((permission) => PERMISSIONS[permission].side === side);
}

/** A role's entry: a permission and how far it reaches (the widest the permission allows when unscoped). */
export type Grant = { permission: Permission; scope: Scope };

export function widestScope(permission: Permission): Scope {
  return PERMISSION_TABLE[permission].scopes?.at(-1) ?? 'org';
}

/** Stored as text in roles.permissions: "orders.view@unit", or just the name for the widest scope. */
export function encodeGrant(grant: Grant): string {
  return grant.scope === widestScope(grant.permission) ? grant.permission : `${grant.permission}@${grant.scope}`;
}

export function decodeGrant(text: string): Grant | null {
  const [name = '', scope] = text.split('@');
  if (!isPermission(name)) return null;
  if (scope === undefined) return { permission: name, scope: widestScope(name) };
  const allowed = PERMISSION_TABLE[name].scopes ?? ['org'];
  return (allowed as readonly string[]).includes(scope) ? { permission: name, scope: scope as Scope } : null;
}

/** Whether scope `a` reaches at least as far as scope `b`. */
export function scopeCovers(a: Scope, b: Scope): boolean {
  return SCOPES.indexOf(a) >= SCOPES.indexOf(b);
}
