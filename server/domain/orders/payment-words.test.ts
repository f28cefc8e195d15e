import { describe, expect, it } from 'vitest';
import { PAYMENT_METHODS } from '../organizations/status';
import { PAYMENT_STATUSES } from './payment';
import { paymentWords } from './payment-words';

describe('paymentWords', () => {
  it.each([
    ['on_account', 'authorized', 'staff', 'On account, to be invoiced', 'neutral'],
    ['on_account', 'captured', 'buyer', 'Invoiced (bill me)', 'good'],
    ['card', 'authorized', 'buyer', 'Card authorized', 'neutral'],
    ['card', 'captured', 'staff', 'Paid by card', 'good'],
    ['card', 'capture_failed', 'staff', 'Card charge failed, retrying', 'bad'],
    ['card', 'capture_failed', 'buyer', 'Being charged to the card', 'neutral'],
    ['on_account', 'capture_failed', 'buyer', 'Being invoiced', 'neutral'],
    ['cod', 'authorized', 'buyer', 'To be paid on delivery', 'neutral'],
    ['cod', 'review', 'staff', 'Payment under review', 'warn'],
    ['card', 'pending', 'buyer', 'Waits for the order’s approval', 'neutral'],
  ] as const)('%s / %s for %s reads “%s”', (method, status, audience, label, tone) => {
    expect(paymentWords(method, status, audience)).toEqual({ label, tone });
  });

  it('never calls a bill-me or cash-on-delivery payment “authorized”', () => {
    for (const method of ['on_account', 'cod'] as const)
      for (const status of PAYMENT_STATUSES)
        for (const audience of ['buyer', 'staff'] as const)
          expect(paymentWords(method, status, audience).label.toLowerCase()).not.toContain('authorized');
  });

  it('has words for every method and status', () => {
    for (const method of PAYMENT_METHODS)
      for (const status of PAYMENT_STATUSES) expect(paymentWords(method, status, 'staff').label).not.toBe('');
  });
});
