/**
 * The test payment provider's cards, in the manner of public providers' test numbers: the number
 * chooses the outcome, so a journey can pay, be declined, or need a staff review on purpose.
 */
export type CardOutcome = 'authorized' | 'declined' | 'needs_review';

export const TEST_CARDS: Record<string, CardOutcome> = {
  '4242424242424242': 'authorized',
  '4000000000000002': 'declined',
  '4000000000009235': 'needs_review',
};

/** Authorized at checkout, but every capture fails: shows the balance-payments job's retries to staff. */
export const CAPTURE_FAILING_CARD = '4000000000000341';

/** The Luhn checksum every card number carries; a typo almost always breaks it. */
export function passesLuhn(digits: string): boolean {
  if (!/^\d{12,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

/** What the test provider answers for a card number (spaces allowed); any other valid number is authorized. */
export function testCardOutcome(cardNumber: string): CardOutcome | 'invalid' {
  const digits = cardNumber.replace(/[\s-]/g, '');
  if (!passesLuhn(digits)) return 'invalid';
  return TEST_CARDS[digits] ?? 'authorized';
}
