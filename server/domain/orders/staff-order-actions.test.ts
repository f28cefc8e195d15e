import { describe, expect, it } from 'vitest';
import type { Permission } from '../access/permissions';
import { captureRetryRefusal, settleRefusal, staffOrderMay, type StaffOrderRef } from './staff-order-actions';

const manager = { permissions: new Set<Permission>(['staff.orders.view', 'staff.orders.manage']) };
const reviewer = { permissions: new Set<Permission>(['staff.orders.view', 'staff.payments.review']) };
const viewer = { permissions: new Set<Permission>(['staff.orders.view']) };

const order = (overrides: Partial<StaffOrderRef>): StaffOrderRef => ({
  status: 'payment_authorized',
  paymentMethod: 'card',
  paymentStatus: 'authorized',
  settledAt: null,
  ...overrides,
});

const invoiced = order({ status: 'deposited', paymentMethod: 'on_account', paymentStatus: 'captured' });
const captureFailed = order({ status: 'shipped', paymentStatus: 'capture_failed' });
const underReview = order({ status: 'payment_review', paymentStatus: 'review' });
const none = { cancel: false, markSettled: false, retryCapture: false, reviewPayment: false };

describe('staffOrderMay', () => {
  it.each([
    ['a manager, an order before release', manager, order({}), { ...none, cancel: true }],
    ['a manager, a released order', manager, order({ status: 'released' }), none],
    ['a manager, a canceled order', manager, order({ status: 'canceled' }), none],
    ['a manager, an invoiced bill-me order', manager, invoiced, { ...none, markSettled: true }],
    ['a manager, a settled bill-me order', manager, { ...invoiced, settledAt: new Date() }, none],
    ['a manager, a deposited card order', manager, { ...invoiced, paymentMethod: 'card' as const }, none],
    ['a manager, a shipped bill-me order', manager, { ...invoiced, status: 'shipped' as const }, none],
    ['a manager, a failed capture', manager, captureFailed, { ...none, retryCapture: true }],
    [
      'a manager, a shipped order not yet captured',
      manager,
      { ...captureFailed, paymentStatus: 'authorized' as const },
      none,
    ],
    ['a manager, a payment under review', manager, underReview, { ...none, cancel: true }],
    ['a reviewer, a payment under review', reviewer, underReview, { ...none, reviewPayment: true }],
    ['a reviewer, an order before release', reviewer, order({}), none],
    ['a reviewer, a failed capture', reviewer, captureFailed, none],
    ['a reviewer, an invoiced bill-me order', reviewer, invoiced, none],
    ['a viewer, a payment under review', viewer, underReview, none],
    ['a viewer, an invoiced bill-me order', viewer, invoiced, none],
  ] as const)('%s', (_case, actor, subject, expected) => {
    expect(staffOrderMay(actor, subject)).toEqual(expected);
  });
});

describe('settleRefusal', () => {
  it.each([
    [invoiced, null],
    [{ ...invoiced, paymentMethod: 'cod' as const }, /Only bill-me orders are paid by the customer later/],
    [
      { ...invoiced, settledAt: new Date('2026-03-04T05:06:07Z') },
      'The customer’s payment of this order was already recorded at Mar 4, 2026, 5:06 AM UTC.',
    ],
    [{ ...invoiced, status: 'shipped' as const }, /^The order is shipped\. It is invoiced once it has shipped/],
  ] as const)('%o: %s', (subject, expected) => {
    const refusal = settleRefusal(subject);
    if (expected === null || typeof expected === 'string') expect(refusal).toBe(expected);
    else expect(refusal).toMatch(expected);
  });

  it('says when the payment was recorded in the reader’s zone', () => {
    expect(settleRefusal({ ...invoiced, settledAt: new Date('2026-03-04T05:06:07Z') }, 'Europe/Berlin')).toBe(
      'The customer’s payment of this order was already recorded at Mar 4, 2026, 6:06 AM GMT+1.',
    );
  });
});

describe('captureRetryRefusal', () => {
  it.each([
    [captureFailed, null],
    [order({ status: 'deposited', paymentStatus: 'captured' }), 'The payment of this order is already captured.'],
    [
      order({ status: 'shipped', paymentStatus: 'authorized' }),
      'Only a shipped order whose card capture failed can be retried.',
    ],
    [
      order({ status: 'released', paymentStatus: 'capture_failed' }),
      'Only a shipped order whose card capture failed can be retried.',
    ],
  ] as const)('%o: %s', (subject, expected) => {
    expect(captureRetryRefusal(subject)).toBe(expected);
  });
});
