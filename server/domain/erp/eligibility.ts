import type { RateLimitRule } from '../auth/rate-limit';
import type { PaymentMethod, ShopAccountRole } from '../organizations/status';

/** An ERP customer that an email address is a contact of, with what the seller configured for it. */
export type ContactCustomer = {
  code: string;
  name: string;
  isCashAccount: boolean;
  excluded: boolean;
  currency: string | null;
  creditLimitMinor: number | null;
  paymentTerms: string | null;
};

export type CustomerEligibility = 'eligible' | 'cash_account' | 'excluded';

/** The cash (walk-in) account never gets an instant account, nor does a code the seller excluded. */
export function customerEligibility(
  customer: Pick<ContactCustomer, 'isCashAccount' | 'excluded'>,
): CustomerEligibility {
  if (customer.isCashAccount) return 'cash_account';
  if (customer.excluded) return 'excluded';
  return 'eligible';
}

export const INSTANT_ACCOUNT_MESSAGES = {
  noContact:
    'We could not find this email address among the contacts of our customers. If your organization does not buy from us yet, register it instead.',
  cashAccount:
    'This email address belongs to a cash-sale customer, which cannot get an online account automatically. Please contact us and we will set you up.',
  excluded:
    'We cannot create an online account for this email address automatically. Please contact us and we will set you up.',
  /** The one answer to the request form, whatever the address, so it tells no one who our customers' contacts are. */
  requested: 'If this address belongs to a contact of one of our customers, we have emailed a link.',
} as const;

export type InstantAccountDecision =
  | { kind: 'eligible'; customers: ContactCustomer[] }
  | { kind: 'refused'; reason: 'no_contact' | 'cash_account' | 'excluded'; message: string };

/**
 * Whether an email address gets an instant account, from the customers it is a contact of: every
 * eligible one gets a membership; only when none is eligible is the person refused, and told why
 * (by email, or on the link's page — never on the request form, which answers the same for all).
 */
export function decideInstantAccount(customers: ContactCustomer[]): InstantAccountDecision {
  const eligible = customers.filter((customer) => customerEligibility(customer) === 'eligible');
  if (eligible.length > 0) return { kind: 'eligible', customers: eligible };
  if (customers.length === 0)
    return { kind: 'refused', reason: 'no_contact', message: INSTANT_ACCOUNT_MESSAGES.noContact };
  if (customers.some((customer) => customer.isCashAccount)) {
    return { kind: 'refused', reason: 'cash_account', message: INSTANT_ACCOUNT_MESSAGES.cashAccount };
  }
  return { kind: 'refused', reason: 'excluded', message: INSTANT_ACCOUNT_MESSAGES.excluded };
}

/** Why staff cannot create an account from this contact, or null when they can. */
export function staffCreationProblem(
  customer: Pick<ContactCustomer, 'code' | 'name' | 'isCashAccount' | 'excluded'>,
): string | null {
  switch (customerEligibility(customer)) {
    case 'cash_account':
      return `${customer.code} ${customer.name} is the cash account: its contacts cannot get an online account.`;
    case 'excluded':
      return `${customer.code} ${customer.name} is on the excluded list: remove it there first to create accounts for its contacts.`;
    case 'eligible':
      return null;
  }
}

export type InstantMembershipTerms = {
  roleKey: 'account_manager' | 'buyer';
  shopAccountRole: ShopAccountRole;
  mayOrder: boolean;
  mayAuthorizeOrders: boolean;
};

/** The first person of a newly created organization runs it; later ones are buyers. */
export function instantMembershipTerms(firstInNewOrganization: boolean): InstantMembershipTerms {
  return firstInNewOrganization
    ? { roleKey: 'account_manager', shopAccountRole: 'account_manager', mayOrder: true, mayAuthorizeOrders: true }
    : { roleKey: 'buyer', shopAccountRole: 'sub_account', mayOrder: true, mayAuthorizeOrders: false };
}

/** The customer account of an organization made from an ERP customer: the ERP's terms, else defaults. */
export function instantCustomerAccount(
  customer: Pick<ContactCustomer, 'currency' | 'creditLimitMinor' | 'paymentTerms'>,
) {
  return {
    currency: customer.currency ?? 'USD',
    creditLimitMinor: customer.creditLimitMinor ?? 0,
    paymentTerms: customer.paymentTerms ?? 'NET 30',
    paymentMethods: ['card'] as PaymentMethod[],
  };
}

/** Requests for a link, per email address and per client address. */
export const INSTANT_ACCOUNT_LIMITS = {
  perEmail: { max: 5, windowMs: 60 * 60_000 },
  perAddress: { max: 30, windowMs: 60 * 60_000 },
} as const satisfies Record<string, RateLimitRule>;
