import { undecidableSteps, type ApprovalStep } from '../approvals/evaluate';
import type { PaymentMethod } from '../organizations/status';
import type { PricedOrder } from './totals';

export const NOT_SET_UP_FOR_ORDERING = 'Your account is not set up for ordering yet. Ask your account representative.';
export const NOBODY_CAN_APPROVE =
  'This order needs an approval nobody in your organization can give. Ask your administrator to name an authorizer.';

/** Why a submit is refused: a message for the whole checkout, or one shown beside a field of the form. */
export type CheckoutRefusal = {
  field?: 'addressId' | 'shippingMethodCode' | 'paymentMethod';
  message: string;
};

/** What the buyer chose at checkout, as the organization's data answers each choice. */
export type CheckoutChoices<Account, Address, Shipping> = {
  /** The organization's customer account; null when there is none. */
  account: Account | null;
  /** The chosen address when it is an active address of the organization; null otherwise. */
  address: Address | null;
  /** The chosen shipping method when it is active; null otherwise. */
  shipping: Shipping | null;
  paymentMethod: PaymentMethod;
};

/** Either the accepted choices, each present, or why they are refused. */
export type ChoicesVerdict<Account, Address, Shipping> =
  { ok: true; account: Account; address: Address; shipping: Shipping } | ({ ok: false } & CheckoutRefusal);

const NOT_OFFERED: CheckoutRefusal = {
  field: 'shippingMethodCode',
  message: 'Choose one of the shipping methods offered.',
};

/** A shipping method is accepted when it is active and in the order's currency. */
export function acceptShipping<Shipping extends { currency: string }>(
  shipping: Shipping | null,
  currency: string,
): { ok: true; shipping: Shipping } | ({ ok: false } & CheckoutRefusal) {
  return shipping && shipping.currency === currency ? { ok: true, shipping } : { ok: false, ...NOT_OFFERED };
}

/**
 * Whether the checkout's choices may be submitted, checked in the order the form reads: an account
 * set up for ordering, one of the organization's addresses, a shipping method offered in the
 * account's currency, and a payment method the account allows.
 */
export function acceptChoices<
  Account extends { currency: string; paymentMethods: readonly PaymentMethod[] },
  Address,
  Shipping extends { currency: string },
>(choices: CheckoutChoices<Account, Address, Shipping>): ChoicesVerdict<Account, Address, Shipping> {
  const { account, address } = choices;
  if (!account) return { ok: false, message: NOT_SET_UP_FOR_ORDERING };
  if (!address) return { ok: false, field: 'addressId', message: 'Choose one of your organization’s addresses.' };
  const offered = acceptShipping(choices.shipping, account.currency);
  if (!offered.ok) return offered;
  if (!account.paymentMethods.includes(choices.paymentMethod))
    return {
      ok: false,
      field: 'paymentMethod',
      message: 'Your account does not allow this payment method. Choose another.',
    };
  return { ok: true, account, address, shipping: offered.shipping };
}

/** An order is refused while one of its approval steps has nobody who may give it. */
export function approvalRefusal(steps: readonly ApprovalStep[]): CheckoutRefusal | null {
  return undecidableSteps(steps).length > 0 ? { message: NOBODY_CAN_APPROVE } : null;
}

/**
 * What the checkout page says before anything is submitted: that the account is not set up, or
 * why the cart cannot be ordered with the first shipping method offered; null when it can.
 */
export function checkoutProblem(accountSetUp: boolean, preview: PricedOrder): string | null {
  if (!accountSetUp) return NOT_SET_UP_FOR_ORDERING;
  return preview.ok ? null : preview.message;
}
