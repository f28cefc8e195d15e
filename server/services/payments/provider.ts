import { randomUUID } from 'node:crypto';
import { CAPTURE_FAILING_CARD, testCardOutcome, type CardOutcome } from '@/server/domain/payments/test-cards';

export type Authorization = { outcome: CardOutcome | 'invalid'; reference: string | null; last4: string | null };
export type CaptureResult = { ok: true } | { ok: false; error: string };

/**
 * What the order flow needs from a card payment provider: authorize at checkout (the card number
 * is passed through and never stored), capture when the goods have shipped, void when an order is
 * canceled. A real provider implements the same three calls with its own API.
 */
export interface PaymentProvider {
  authorize(input: { cardNumber: string; amountMinor: number; currency: string }): Promise<Authorization>;
  capture(input: { reference: string; amountMinor: number; currency: string }): Promise<CaptureResult>;
  void(reference: string): Promise<void>;
}

const CAPTURE_FAILS = 'capfail';

/** The test provider: the card number chooses the outcome, like public providers' test cards. */
export const testPaymentProvider: PaymentProvider = {
  async authorize({ cardNumber }) {
    const digits = cardNumber.replace(/[\s-]/g, '');
    const outcome = testCardOutcome(digits);
    if (outcome === 'invalid' || outcome === 'declined')
      return { outcome, reference: null, last4: outcome === 'invalid' ? null : digits.slice(-4) };
    const kind = digits === CAPTURE_FAILING_CARD ? CAPTURE_FAILS : 'auth';
    return { outcome, reference: `test_${kind}_${randomUUID()}`, last4: digits.slice(-4) };
  },
  async capture({ reference }) {
    return reference.startsWith(`test_${CAPTURE_FAILS}_`)
      ? { ok: false, error: 'The card issuer refused the capture (test card 4000 0000 0000 0341).' }
      : { ok: true };
  },
  async void() {},
};

/** The provider in use. Only the test provider exists so far; a real one is chosen here by configuration. */
export function paymentProvider(): PaymentProvider {
  return testPaymentProvider;
}
