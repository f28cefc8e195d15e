/** Status and kind lists; the database enums are generated from these. */
export const ORGANIZATION_KINDS = ['buyer', 'seller'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const ORGANIZATION_STATUSES = ['pending_approval', 'active', 'rejected', 'suspended'] as const;
export type OrganizationStatus = (typeof ORGANIZATION_STATUSES)[number];

export const USER_STATUSES = ['invited', 'active', 'expired', 'deactivated'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

/** Sana Commerce's shop-account roles. */
export const SHOP_ACCOUNT_ROLES = ['account_manager', 'sub_account', 'regular'] as const;
export type ShopAccountRole = (typeof SHOP_ACCOUNT_ROLES)[number];

export const SHOP_ACCOUNT_ROLE_LABELS: Record<ShopAccountRole, string> = {
  account_manager: 'Account manager',
  sub_account: 'Sub-account',
  regular: 'Regular',
};

/** A membership is pending while a person who asked to join waits for the administrator. */
export const MEMBERSHIP_STATUSES = ['pending', 'active', 'rejected'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

export const PAYMENT_METHODS = ['on_account', 'cod', 'card'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  on_account: 'Bill me (on account)',
  cod: 'Cash on delivery',
  card: 'Card',
};
