import { describe, expect, it } from 'vitest';
import { planAllocation } from './allocation';

const stock = [
  { productId: 'pen', centerId: 'EAST', available: 10 },
  { productId: 'pen', centerId: 'WEST', available: 4 },
  { productId: 'pad', centerId: 'WEST', available: 5 },
];

describe('planAllocation', () => {
  it('prefers one center that can ship the whole order', () => {
    expect(
      planAllocation(
        [
          { productId: 'pen', quantity: 4 },
          { productId: 'pad', quantity: 5 },
        ],
        stock,
      ),
    ).toEqual({
      kind: 'allocated',
      allocations: [
        { productId: 'pen', centerId: 'WEST', quantity: 4 },
        { productId: 'pad', centerId: 'WEST', quantity: 5 },
      ],
    });
  });

  it('splits a line across centers, the fullest first, when no single center can', () => {
    expect(planAllocation([{ productId: 'pen', quantity: 12 }], stock)).toEqual({
      kind: 'allocated',
      allocations: [
        { productId: 'pen', centerId: 'EAST', quantity: 10 },
        { productId: 'pen', centerId: 'WEST', quantity: 2 },
      ],
    });
  });

  it('backorders the whole order when any line is short, naming the short lines', () => {
    expect(
      planAllocation(
        [
          { productId: 'pen', quantity: 3 },
          { productId: 'pad', quantity: 6 },
        ],
        stock,
      ),
    ).toEqual({ kind: 'short', shortProductIds: ['pad'] });
    expect(planAllocation([{ productId: 'glue', quantity: 1 }], stock)).toEqual({
      kind: 'short',
      shortProductIds: ['glue'],
    });
  });

  it('allocates the last unit exactly', () => {
    expect(planAllocation([{ productId: 'pad', quantity: 5 }], stock)).toMatchObject({ kind: 'allocated' });
    expect(planAllocation([{ productId: 'pad', quantity: 6 }], stock)).toMatchObject({ kind: 'short' });
  });
});
