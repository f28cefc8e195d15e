import { describe, expect, it } from 'vitest';
import { parseErpAmount } from './amount';

describe('parseErpAmount', () => {
  it.each([
    ['25000.00', 'USD', 2_500_000],
    ['25000', 'USD', 2_500_000],
    ['0.5', 'EUR', 50],
    ['0', 'USD', 0],
    ['1234.57', 'USD', 123_457],
    ['2500', 'JPY', 2500],
    ['1.234', 'KWD', 1234],
    ['90071992547409.91', 'USD', 9_007_199_254_740_991],
  ])('reads %s %s as %i minor units', (text, currency, minor) => {
    expect(parseErpAmount(text, currency)).toEqual({ ok: true, minor });
  });

  it.each([
    ['-5.00', 'USD', 'is not an amount'],
    ['25,000.00', 'USD', 'no thousands separators'],
    ['1e5', 'USD', 'is not an amount'],
    ['12.', 'USD', 'is not an amount'],
    ['.5', 'USD', 'is not an amount'],
    ['abc', 'USD', 'is not an amount'],
    ['10.001', 'USD', 'more decimals than USD allows (2)'],
    ['10.5', 'JPY', 'more decimals than JPY allows (0)'],
    ['90071992547409.92', 'USD', 'too large'],
  ])('refuses %s %s', (text, currency, message) => {
    const parsed = parseErpAmount(text, currency);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.message).toContain(message);
  });

  it('never goes through a float: 0.29 + 0.01 style amounts stay exact', () => {
    expect(parseErpAmount('1.15', 'USD')).toEqual({ ok: true, minor: 115 });
    expect(parseErpAmount('4.35', 'USD')).toEqual({ ok: true, minor: 435 });
  });
});
