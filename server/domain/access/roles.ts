import type { OrganizationKind } from '../organizations/status';
import { permissionsForSide } from './permissions';

export type PredefinedRole = {
  key: string;
  side: OrganizationKind;
  name: string;
  description: string;
  /** Encoded grants (see encodeGrant): a bare name reaches as far as the permission allows. */
  permissions: readonly string[];
};

/** Roles every organization of a side starts with; stored in `roles` and kept in sync on start. */
export const PREDEFINED_ROLES: readonly PredefinedRole[] = [
  {
    key: 'account_manager',
    side: 'buyer',
    name: 'Account manager',
    description: 'Runs the organization: units, users, roles, limits and rules; orders and approves.',
    permissions: permissionsForSide('buyer'),
  },
  {
    key: 'buyer',
    side: 'buyer',
    name: 'Buyer',
    description: 'Places orders and requests quotes; sees prices and stock when the flags allow.',
    permissions: ['orders.place', 'quotes.request', 'prices.view', 'stock.view', 'orders.view@own'],
  },
  {
    key: 'authorizer',
    side: 'buyer',
    name: 'Authorizer',
    description: 'Approves or declines the orders of their unit and the units below it, and sees them.',
    permissions: ['orders.approve@unit', 'orders.view@unit', 'prices.view', 'stock.view'],
  },
  {
    key: 'viewer',
    side: 'buyer',
    name: 'Viewer',
    description: 'Sees the orders of their unit and the units below it, nothing more.',
    permissions: ['orders.view@unit'],
  },
  {
    key: 'seller_admin',
    side: 'seller',
    name: 'Seller administrator',
    description: 'Everything on the staff side.',
    permissions: permissionsForSide('seller'),
  },
  {
    key: 'account_rep',
    side: 'seller',
    name: 'Account representative',
    description: 'Sets up the accounts assigned to them and prices quotes.',
    permissions: ['staff.registrations.view', 'staff.accounts.setup', 'staff.orders.view', 'staff.quotes.price'],
  },
  {
    key: 'payment_reviewer',
    side: 'seller',
    name: 'Payment reviewer',
    description: 'Works the payment review queue.',
    permissions: ['staff.orders.view', 'staff.payments.review'],
  },
  {
    key: 'fulfillment_clerk',
    side: 'seller',
    name: 'Fulfillment clerk',
    description: 'Picks, packs and ships.',
    permissions: ['staff.orders.view', 'staff.fulfillment.work'],
  },
];

export function predefinedRole(key: string): PredefinedRole | undefined {
  return PREDEFINED_ROLES.find((role) => role.key === key);
}
