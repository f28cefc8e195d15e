import { describe, expect, it } from 'vitest';
import { availableCredit, paymentDecision } from './payment';

const ALL = ['on_account', 'cod', 'card'] as const;

describe('paymentDecision', () => {
  it('lets cash on delivery and bill-me within the available credit go on', () => {
    expect(paymentDecision({ method: 'cod' }, ALL)).toEqual({ kind: 'proceed' });
    expect(paymentDecision({ method: 'on_account', totalMinor: 5_000, availableCreditMinor: 5_000 }, ALL)).toEqual({
      kind: 'proceed',
    });
  });

  it('sends bill-me above the available credit to review, by one cent', () => {
    expect(
      paymentDecision({ method: 'on_account', totalMinor: 5_001, availableCreditMinor: 5_000 }, ALL),
    ).toMatchObject({ kind: 'review' });
  });

  it('follows the card provider: authorized, review, declined, invalid', () => {
    expect(paymentDecision({ method: 'card', cardOutcome: 'authorized' }, ALL)).toEqual({ kind: 'proceed' });
    expect(paymentDecision({ method: 'card', cardOutcome: 'needs_review' }, ALL)).toMatchObject({ kind: 'review' });
    expect(paymentDecision({ method: 'card', cardOutcome: 'declined' }, ALL)).toMatchObject({
      kind: 'refused',
      message: expect.stringContaining('declined'),
    });
    expect(paymentDecision({ method: 'card', cardOutcome: 'invalid' }, ALL)).toMatchObject({
      kind: 'refused',
      message: expect.stringContaining('not valid'),
    });
  });

  it('refuses a method the account does not allow', () => {
    expect(paymentDecision({ method: 'cod' }, ['card'])).toMatchObject({ kind: 'refused' });
  });
});

it('never offers negative credit', () => {
  expect(availableCredit(10_000, 4_000)).toBe(6_000);
  expect(availableCredit(10_000, 12_000)).toBe(0);
});
