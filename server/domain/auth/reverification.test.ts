import { expect, it } from 'vitest';
import { needsReverification } from './reverification';

const lastActive = new Date('2026-01-01T12:00:00Z');
const daysLater = (days: number) => new Date(lastActive.getTime() + days * 24 * 3600_000);

it('asks for re-verification after more than the configured days, not at or before', () => {
  expect(needsReverification(lastActive, daysLater(89), 90)).toBe(false);
  expect(needsReverification(lastActive, daysLater(90), 90)).toBe(false);
  expect(needsReverification(lastActive, daysLater(91), 90)).toBe(true);
});

it('never asks someone who has not been active yet', () => {
  expect(needsReverification(null, daysLater(500), 90)).toBe(false);
});
