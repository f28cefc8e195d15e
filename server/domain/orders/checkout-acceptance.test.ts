import { describe, expect, it } from 'vitest';
import type { ApprovalStep } from '../approvals/evaluate';
import {
  approvalRefusal,
  acceptChoices,
  checkoutProblem,
  NOBODY_CAN_APPROVE,
  NOT_SET_UP_FOR_ORDERING,
  acceptShipping,
  type CheckoutChoices,
  type CheckoutRefusal,
} from './checkout-acceptance';
import type { PaymentMethod } from '../organizations/status';
import type { PricedOrder } from './totals';

type Account = { currency: string; paymentMethods: readonly PaymentMethod[] };
type Choices = CheckoutChoices<Account, { label: string }, { code: string; currency: string }>;

const acceptable: Choices = {
  account: { currency: 'USD', paymentMethods: ['on_account', 'card'] },
  address: { label: 'Head office' },
  shipping: { code: 'ground', currency: 'USD' },
  paymentMethod: 'on_account',
};

describe('acceptChoices', () => {
  const cases: [string, Partial<Choices>, CheckoutRefusal | null][] = [
    ['accepts an account set up, an address, a shipping method in its currency and an allowed method', {}, null],
    ['accepts a card when the account allows it', { paymentMethod: 'card' }, null],
    ['refuses an organization without a customer account', { account: null }, { message: NOT_SET_UP_FOR_ORDERING }],
    [
      'refuses an address that is not one of the organization’s active addresses',
      { address: null },
      { field: 'addressId', message: 'Choose one of your organization’s addresses.' },
    ],
    [
      'refuses a shipping method that is missing or inactive',
      { shipping: null },
      { field: 'shippingMethodCode', message: 'Choose one of the shipping methods offered.' },
    ],
    [
      'refuses a shipping method in another currency than the account’s',
      { shipping: { code: 'ground', currency: 'EUR' } },
      { field: 'shippingMethodCode', message: 'Choose one of the shipping methods offered.' },
    ],
    [
      'refuses a payment method the account does not allow',
      { paymentMethod: 'cod' },
      { field: 'paymentMethod', message: 'Your account does not allow this payment method. Choose another.' },
    ],
    [
      'checks the account before anything else',
      { account: null, address: null, shipping: null, paymentMethod: 'cod' },
      { message: NOT_SET_UP_FOR_ORDERING },
    ],
    [
      'checks the address before the shipping method and the payment method',
      { address: null, shipping: null, paymentMethod: 'cod' },
      { field: 'addressId', message: 'Choose one of your organization’s addresses.' },
    ],
    [
      'checks the shipping method before the payment method',
      { shipping: null, paymentMethod: 'cod' },
      { field: 'shippingMethodCode', message: 'Choose one of the shipping methods offered.' },
    ],
  ];
  it.each(cases)('%s', (_name, change, refusal) => {
    const choices = { ...acceptable, ...change };
    expect(acceptChoices(choices)).toEqual(
      refusal
        ? { ok: false, ...refusal }
        : { ok: true, account: choices.account, address: choices.address, shipping: choices.shipping },
    );
  });
});

describe('acceptShipping', () => {
  it.each([
    ['accepts a method in the order’s currency', { code: 'ground', currency: 'EUR' }, 'EUR', true],
    ['refuses a method in another currency', { code: 'ground', currency: 'USD' }, 'EUR', false],
    ['refuses a method that is missing or inactive', null, 'EUR', false],
  ] as const)('%s', (_name, shipping, currency, ok) => {
    expect(acceptShipping(shipping, currency)).toEqual(
      ok
        ? { ok: true, shipping }
        : { ok: false, field: 'shippingMethodCode', message: 'Choose one of the shipping methods offered.' },
    );
  });
});

const priced: PricedOrder = {
  ok: true,
  lines: [],
  totals: { currency: 'USD', subtotalMinor: 1_000, shippingMinor: 500, totalMinor: 1_500, itemCount: 1, skuCount: 1 },
};

const step = (authorizers: ApprovalStep['authorizers']): ApprovalStep => ({
  tier: 1,
  source: { kind: 'rule', ruleId: 'r1', ruleName: 'Over 10,000' },
  authorizers,
  escalated: null,
});

describe('approvalRefusal', () => {
  it.each([
    ['accepts an order that needs no approval', [], null],
    ['accepts steps that each have an authorizer', [step([{ membershipId: 'm1', name: 'Ann' }])], null],
    [
      'refuses a step nobody may give',
      [step([{ membershipId: 'm1', name: 'Ann' }]), step([])],
      { message: NOBODY_CAN_APPROVE },
    ],
  ] as [string, ApprovalStep[], CheckoutRefusal | null][])('%s', (_name, steps, expected) => {
    expect(approvalRefusal(steps)).toEqual(expected);
  });
});

describe('checkoutProblem', () => {
  it.each([
    ['none for an account set up and a cart that prices', true, priced, null],
    [
      'the account first, even when the cart does not price',
      false,
      { ok: false, message: 'Your cart is empty.' },
      NOT_SET_UP_FOR_ORDERING,
    ],
    ['the pricing problem otherwise', true, { ok: false, message: 'Your cart is empty.' }, 'Your cart is empty.'],
  ] as [string, boolean, PricedOrder, string | null][])('%s', (_name, setUp, preview, expected) => {
    expect(checkoutProblem(setUp, preview)).toBe(expected);
  });
});
