import type { PaymentMethod } from '../organizations/status';

/** Credit limit minus what the account already owes (on-account orders not yet paid). */
export function availableCredit(creditLimitMinor: number, openBalanceMinor: number): number {
  return Math.max(0, creditLimitMinor - openBalanceMinor);
}

export type PaymentInput =
  | { method: 'on_account'; totalMinor: number; availableCreditMinor: number }
  | { method: 'cod' }
  | { method: 'card'; cardOutcome: 'authorized' | 'declined' | 'needs_review' | 'invalid' };

export type PaymentDecision =
  { kind: 'proceed' } | { kind: 'review'; reason: string } | { kind: 'refused'; message: string };

/**
 * After approval: bill-me and cash on delivery go on without a payment approval, unless an
 * on-account order is above the available credit (then staff review it); a card is authorized,
 * declined, or sent to review by the provider.
 */
export function paymentDecision(input: PaymentInput, allowed: readonly PaymentMethod[]): PaymentDecision {
  if (!allowed.includes(input.method))
    return { kind: 'refused', message: 'Your account does not allow this payment method. Choose another.' };
  switch (input.method) {
    case 'cod':
      return { kind: 'proceed' };
    case 'on_account':
      return input.totalMinor <= input.availableCreditMinor
        ? { kind: 'proceed' }
        : { kind: 'review', reason: 'The order is above the available credit of the account.' };
    case 'card':
      if (input.cardOutcome === 'invalid')
        return { kind: 'refused', message: 'That card number is not valid. Check it and try again.' };
      if (input.cardOutcome === 'declined')
        return { kind: 'refused', message: 'The card was declined. Use another card or payment method.' };
      return input.cardOutcome === 'needs_review'
        ? { kind: 'review', reason: 'The card payment needs a manual review.' }
        : { kind: 'proceed' };
  }
}

/**
 * Where an order's money stands. `pending` until the order passes approval; `authorized` once the
 * payment may go on (a card authorized, bill-me within credit, cash on delivery); `review` while
 * staff look at it; `captured` after the balance-payments job (card captured, bill-me invoiced,
 * cash on delivery recorded); `capture_failed` while the job keeps retrying; `voided` when a
 * canceled order's authorization is released.
 */
export const PAYMENT_STATUSES = ['pending', 'authorized', 'review', 'captured', 'capture_failed', 'voided'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
