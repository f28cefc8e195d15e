import { describe, expect, it } from 'vitest';
import { planSubmit } from './submit-plan';

const lines = [{ lineNumber: 1, productId: 'p1', sku: 'SKU-1', quantity: 2 }];
const stock = [{ productId: 'p1', centerId: 'c1', available: 5 }];
const billMe = { method: 'on_account' as const, totalMinor: 1_000, availableCreditMinor: 5_000 };

describe('planSubmit', () => {
  it('leaves an order that needs approval waiting, untouched', () => {
    expect(planSubmit({ needsApproval: true, payment: billMe, lines, stock })).toMatchObject({
      status: 'pending_approval',
      version: 1,
      paymentStatus: 'pending',
      moves: [],
      allocations: [],
    });
  });

  it('allocates an order within credit and in stock, by line', () => {
    const plan = planSubmit({ needsApproval: false, payment: billMe, lines, stock });
    expect(plan).toMatchObject({ status: 'payment_authorized', version: 2, paymentStatus: 'authorized' });
    expect(plan.allocations).toEqual([{ productId: 'p1', centerId: 'c1', quantity: 2, lineNumber: 1 }]);
    expect(plan.moves.map((move) => [move.event, move.from, move.to])).toEqual([
      ['allocated', 'pending_approval', 'payment_authorized'],
    ]);
  });

  it('backorders a short order and sends one above the credit to payment review, allocating nothing', () => {
    const short = planSubmit({ needsApproval: false, payment: billMe, lines, stock: [] });
    expect(short).toMatchObject({ status: 'backordered', shortSkus: ['SKU-1'], allocations: [] });
    expect(short.moves[0]?.data).toEqual({ shortSkus: ['SKU-1'] });
    const review = planSubmit({ needsApproval: false, payment: { ...billMe, availableCreditMinor: 0 }, lines, stock });
    expect(review).toMatchObject({ status: 'payment_review', paymentStatus: 'review', allocations: [] });
  });
});
