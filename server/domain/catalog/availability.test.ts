import { describe, expect, it } from 'vitest';
import { applyStockChange, availability, availabilityWord, availableToPromise, MAX_ON_HAND } from './availability';

describe('availableToPromise', () => {
  it.each([
    [10, 0, 10],
    [10, 4, 6],
    [10, 10, 0],
    [0, 0, 0],
    [3, 5, 0], // never negative, even if the data were inconsistent
  ])('on hand %i, allocated %i → %i', (onHand, allocated, expected) => {
    expect(availableToPromise({ onHand, allocated })).toBe(expected);
  });
});

describe('availability', () => {
  it('sums the centers and keeps their order', () => {
    expect(
      availability([
        { centerCode: 'EAST', centerName: 'Newark', onHand: 12, allocated: 2 },
        { centerCode: 'WEST', centerName: 'Reno', onHand: 5, allocated: 5 },
        { centerCode: 'SOUTH', centerName: 'Dallas', onHand: 1, allocated: 0 },
      ]),
    ).toEqual({
      available: 11,
      byCenter: [
        { code: 'EAST', name: 'Newark', available: 10 },
        { code: 'WEST', name: 'Reno', available: 0 },
        { code: 'SOUTH', name: 'Dallas', available: 1 },
      ],
    });
  });

  it('is zero without any stock row', () => {
    expect(availability([])).toEqual({ available: 0, byCenter: [] });
  });
});

describe('availabilityWord', () => {
  it.each([
    [0, 'out_of_stock'],
    [-1, 'out_of_stock'],
    [1, 'low'],
    [9, 'low'],
    [10, 'in_stock'],
  ] as const)('%i → %s', (available, word) => {
    expect(availabilityWord(available)).toBe(word);
  });
});

describe('applyStockChange', () => {
  const level = { onHand: 10, allocated: 4 };

  it.each([
    ['receiving adds to on hand', { kind: 'receive', quantity: 5 }, { ok: true, onHand: 15 }],
    ['a count replaces on hand', { kind: 'count', onHand: 7 }, { ok: true, onHand: 7 }],
    ['a count may equal what is allocated', { kind: 'count', onHand: 4 }, { ok: true, onHand: 4 }],
  ] as const)('%s', (_name, change, expected) => {
    expect(applyStockChange(level, change)).toEqual(expected);
  });

  it.each([
    [
      'a count below what is allocated',
      { kind: 'count', onHand: 3 },
      'On hand cannot be 3: 4 are already allocated to orders.',
    ],
    [
      'receiving nothing',
      { kind: 'receive', quantity: 0 },
      'Enter the quantity received: a whole number of at least 1.',
    ],
    [
      'receiving a negative quantity (which would lower on hand)',
      { kind: 'receive', quantity: -20 },
      'Enter the quantity received: a whole number of at least 1.',
    ],
    [
      'receiving a fraction',
      { kind: 'receive', quantity: 1.5 },
      'Enter the quantity received: a whole number of at least 1.',
    ],
    ['a negative count', { kind: 'count', onHand: -1 }, 'Enter the counted quantity: a whole number, 0 or more.'],
    [
      'receiving beyond the cap',
      { kind: 'receive', quantity: MAX_ON_HAND },
      'On hand would be 100,000,010; at most 100,000,000 can be held at one center.',
    ],
  ] as const)('refuses %s', (_name, change, message) => {
    expect(applyStockChange(level, change)).toEqual({ ok: false, message });
  });
});
