import { describe, expect, it } from 'vitest';
import { buyerPrice, currentContract, discountedMinor, type PricingContract } from './pricing';

const contract = (overrides: Partial<PricingContract> = {}): PricingContract => ({
  priceListId: 'list-1',
  discountBasisPoints: null,
  validFrom: '2026-01-01',
  validTo: null,
  ...overrides,
});

describe('discountedMinor', () => {
  it.each([
    // [list price in minor units, discount in basis points, expected]
    [10_000, 0, 10_000], // 0 %: the list price
    [10_000, 10_000, 0], // 100 %: free
    [10_000, 250, 9_750], // 2.50 %
    [1_999, 1_000, 1_799], // 1799.1 rounds down
    [1_995, 1_000, 1_796], // 1795.5: half rounds up
    [1_005, 5_000, 503], // 502.5: half rounds up
    [1_001, 5_000, 501], // 500.5: half rounds up
    [1, 5_000, 1], // 0.5 of the smallest unit rounds up
    [1, 5_001, 0], // 0.4999 rounds down
    [333, 3_333, 222], // 221.9889
    [0, 1_234, 0],
    [10_000_000_000_000, 1, 9_999_000_000_000], // large amounts stay exact
  ])('%i less %i bp is %i', (list, discount, expected) => {
    expect(discountedMinor(list, discount)).toBe(expected);
  });

  it('refuses what is not an amount or a discount', () => {
    expect(() => discountedMinor(1.5, 0)).toThrow(RangeError);
    expect(() => discountedMinor(-1, 0)).toThrow(RangeError);
    expect(() => discountedMinor(100, 10_001)).toThrow(RangeError);
    expect(() => discountedMinor(100, -1)).toThrow(RangeError);
  });
});

describe('buyerPrice', () => {
  it.each([
    [
      'USD list, no discount',
      contract(),
      { unitPriceMinor: 1_250, currency: 'USD' },
      { kind: 'priced', unitPriceMinor: 1_250, currency: 'USD', listPriceMinor: 1_250, discountBasisPoints: 0 },
    ],
    [
      'USD list, 2.5 %',
      contract({ discountBasisPoints: 250 }),
      { unitPriceMinor: 1_250, currency: 'USD' },
      { kind: 'priced', unitPriceMinor: 1_219, currency: 'USD', listPriceMinor: 1_250, discountBasisPoints: 250 },
    ],
    [
      'JPY (no decimals), 15 %: 1105 × 0.85 = 939.25',
      contract({ discountBasisPoints: 1_500 }),
      { unitPriceMinor: 1_105, currency: 'JPY' },
      { kind: 'priced', unitPriceMinor: 939, currency: 'JPY', listPriceMinor: 1_105, discountBasisPoints: 1_500 },
    ],
    [
      'JPY, 10 %: 1005 × 0.9 = 904.5 rounds up',
      contract({ discountBasisPoints: 1_000 }),
      { unitPriceMinor: 1_005, currency: 'JPY' },
      { kind: 'priced', unitPriceMinor: 905, currency: 'JPY', listPriceMinor: 1_005, discountBasisPoints: 1_000 },
    ],
    [
      'KWD (three decimals), 100 %',
      contract({ discountBasisPoints: 10_000 }),
      { unitPriceMinor: 12_345, currency: 'KWD' },
      { kind: 'priced', unitPriceMinor: 0, currency: 'KWD', listPriceMinor: 12_345, discountBasisPoints: 10_000 },
    ],
    ['no contract', null, { unitPriceMinor: 1_250, currency: 'USD' }, { kind: 'on_request', reason: 'no_contract' }],
    [
      'a contract with a discount but no price list',
      contract({ priceListId: null, discountBasisPoints: 500 }),
      { unitPriceMinor: 1_250, currency: 'USD' },
      { kind: 'on_request', reason: 'no_price_list' },
    ],
    [
      'no price in the list',
      contract({ discountBasisPoints: 500 }),
      null,
      { kind: 'on_request', reason: 'not_in_list' },
    ],
  ] as const)('%s', (_name, terms, listPrice, expected) => {
    expect(buyerPrice(terms, listPrice)).toEqual(expected);
  });
});

describe('currentContract', () => {
  const old = contract({ priceListId: 'old', validFrom: '2025-01-01' });
  const recent = contract({ priceListId: 'recent', validFrom: '2026-03-01' });
  const future = contract({ priceListId: 'future', validFrom: '2026-09-01' });
  const ended = contract({ priceListId: 'ended', validFrom: '2026-04-01', validTo: '2026-05-31' });

  it.each([
    ['2026-02-15', [old, recent, future], 'old'],
    ['2026-03-01', [old, recent, future], 'recent'], // valid from its first day
    ['2026-05-31', [old, recent, ended], 'ended'], // through its last day, and it started last
    ['2026-06-01', [old, recent, ended], 'recent'], // then the one before it again
    ['2026-09-02', [future, recent], 'future'], // order of the input does not matter
    ['2024-12-31', [old, recent], null],
    ['2026-06-01', [], null],
  ] as const)('on %s picks %s', (today, contracts, expected) => {
    expect(currentContract(contracts, today)?.priceListId ?? null).toBe(expected);
  });

  it('breaks a tie of start dates in favour of the contract listed later (the newer one)', () => {
    const first = contract({ priceListId: 'first' });
    const second = contract({ priceListId: 'second' });
    expect(currentContract([first, second], '2026-02-01')?.priceListId).toBe('second');
  });
});
