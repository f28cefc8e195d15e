import { describe, expect, it } from 'vitest';
import { formatMinor, parseAmountToMinor, parsePercentToBasisPoints } from './money';

describe('parseAmountToMinor', () => {
  it.each([
    ['25000', 'USD', 2_500_000],
    ['25,000.50', 'USD', 2_500_050],
    ['25 000.5', 'EUR', 2_500_050],
    ['0.07', 'USD', 7],
    ['1,500,000', 'JPY', 1_500_000],
    ['12.345', 'KWD', 12_345],
  ])('reads %s %s as %d minor units', (text, currency, minor) => {
    expect(parseAmountToMinor(text, currency)).toBe(minor);
  });

  it.each([
    ['-5', 'USD'],
    ['1.234', 'USD'],
    ['10.5', 'JPY'],
    ['abc', 'USD'],
    ['', 'USD'],
    ['1e6', 'USD'],
    ['12,34', 'USD'],
    ['1000000000000000', 'USD'],
  ])('refuses %s %s', (text, currency) => {
    expect(parseAmountToMinor(text, currency)).toBeNull();
  });
});

describe('parsePercentToBasisPoints', () => {
  it('reads percents with up to two decimals and refuses over 100', () => {
    expect(parsePercentToBasisPoints('2.5')).toBe(250);
    expect(parsePercentToBasisPoints('100')).toBe(10_000);
    expect(parsePercentToBasisPoints('100.01')).toBeNull();
    expect(parsePercentToBasisPoints('-1')).toBeNull();
  });
});

it('formats minor units with the currency’s decimals and thousands separators', () => {
  expect(formatMinor(2_500_050, 'USD')).toBe('25,000.50');
  expect(formatMinor(7, 'EUR')).toBe('0.07');
  expect(formatMinor(1_500_000, 'JPY')).toBe('1,500,000');
});
