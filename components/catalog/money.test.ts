import { describe, expect, it } from 'vitest';
import { formatBasisPoints, formatMoney, minorToInput } from './money';

describe('formatMoney', () => {
  it.each([
    [123_456, 'USD', '$1,234.56'],
    [5, 'USD', '$0.05'],
    [0, 'EUR', '€0.00'],
    [1_234, 'JPY', '¥1,234'],
    [1_234, 'KWD', 'KWD 1.234'],
    [-1_050, 'USD', '-$10.50'],
    [10_000_000_000_000, 'USD', '$100,000,000,000.00'],
  ])('%i %s → %s', (minor, currency, expected) => {
    expect(formatMoney(minor, currency).replace(/\u00a0/g, ' ')).toBe(expected);
  });
});

it.each([
  [250, '2.5 %'],
  [1_000, '10 %'],
  [1_337, '13.37 %'],
  [5, '0.05 %'],
])('formatBasisPoints(%i) → %s', (basisPoints, expected) => {
  expect(formatBasisPoints(basisPoints)).toBe(expected);
});

it.each([
  [1_250, 'USD', '12.50'],
  [7, 'USD', '0.07'],
  [1_250, 'JPY', '1250'],
])('minorToInput(%i, %s) → %s', (minor, currency, expected) => {
  expect(minorToInput(minor, currency)).toBe(expected);
});
