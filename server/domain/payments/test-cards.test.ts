import { expect, it } from 'vitest';
import { passesLuhn, TEST_CARDS, testCardOutcome } from './test-cards';

it('every listed test card passes the checksum', () => {
  for (const number of Object.keys(TEST_CARDS)) expect(passesLuhn(number), number).toBe(true);
});

it('chooses the outcome by number, accepting spaces, and refuses a mistyped number', () => {
  expect(testCardOutcome('4242 4242 4242 4242')).toBe('authorized');
  expect(testCardOutcome('4000-0000-0000-0002')).toBe('declined');
  expect(testCardOutcome('4000000000009235')).toBe('needs_review');
  expect(testCardOutcome('4242424242424241')).toBe('invalid');
  expect(testCardOutcome('not a card')).toBe('invalid');
  expect(testCardOutcome('5555555555554444')).toBe('authorized');
});
