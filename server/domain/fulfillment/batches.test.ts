import { describe, expect, it } from 'vitest';
import { batchRefusal, batchRefusals } from './batches';

describe('batchRefusal', () => {
  it('takes a released order with lines at the center that is in no batch there', () => {
    expect(
      batchRefusal({ number: 'CS-1', status: 'released', linesAtCenter: 2, batchNumber: null }, 'CS-1', 'EAST'),
    ).toBeNull();
  });

  it('names the order and the reason when it cannot be batched', () => {
    expect(batchRefusal(undefined, 'CS-404', 'EAST')).toBe('Order CS-404 was not found.');
    expect(
      batchRefusal({ number: 'CS-2', status: 'pending_approval', linesAtCenter: 1, batchNumber: null }, 'CS-2', 'EAST'),
    ).toBe('Order CS-2 is not released to fulfillment (it is waiting for approval).');
    expect(
      batchRefusal(
        { number: 'CS-3', status: 'payment_authorized', linesAtCenter: 1, batchNumber: null },
        'CS-3',
        'EAST',
      ),
    ).toContain('not released');
    expect(
      batchRefusal({ number: 'CS-4', status: 'released', linesAtCenter: 0, batchNumber: null }, 'CS-4', 'WEST'),
    ).toBe('Order CS-4 has nothing to ship from WEST.');
    expect(
      batchRefusal({ number: 'CS-5', status: 'released', linesAtCenter: 1, batchNumber: 1004 }, 'CS-5', 'EAST'),
    ).toBe('Order CS-5 is already in pick batch 1004 at EAST.');
  });

  it('lists every refusal in the order the clerk named them', () => {
    const refusals = batchRefusals(
      ['CS-9', 'CS-1', 'CS-8'],
      [
        { number: 'CS-1', status: 'released', linesAtCenter: 1, batchNumber: null },
        { number: 'CS-8', status: 'declined', linesAtCenter: 1, batchNumber: null },
      ],
      'EAST',
    );
    expect(refusals).toEqual([
      'Order CS-9 was not found.',
      'Order CS-8 is not released to fulfillment (it is declined).',
    ]);
  });
});
