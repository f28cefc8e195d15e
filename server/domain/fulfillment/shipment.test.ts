import { describe, expect, it } from 'vitest';
import { applyShipment, centerProgress, isFullyShipped, shipmentState } from './shipment';

const lines = [
  { orderLineId: 'l1', sku: 'PEN', quantity: 5, shippedQuantity: 0 },
  { orderLineId: 'l2', sku: 'PAD', quantity: 2, shippedQuantity: 0 },
];

describe('applyShipment', () => {
  it('keeps the order open after a partial package and completes it with the last one', () => {
    const first = applyShipment(lines, [
      { orderLineId: 'l1', quantity: 5 },
      { orderLineId: 'l2', quantity: 1 },
    ]);
    expect(first).toMatchObject({ ok: true, complete: false });
    if (!first.ok) throw new Error('expected ok');
    expect(first.lines.map((line) => [line.shippedQuantity, line.shippingNow])).toEqual([
      [5, 5],
      [1, 1],
    ]);
    expect(shipmentState(first.lines)).toBe('partial');

    const last = applyShipment(first.lines, [{ orderLineId: 'l2', quantity: 1 }]);
    expect(last).toMatchObject({ ok: true, complete: true });
    if (last.ok) expect(shipmentState(last.lines)).toBe('complete');
  });

  it('refuses a package that would ship more than was ordered, or a line of another order', () => {
    expect(applyShipment(lines, [{ orderLineId: 'l2', quantity: 3 }])).toEqual({
      ok: false,
      message: 'The package would ship 3 of PAD, but only 2 were ordered.',
    });
    expect(applyShipment(lines, [{ orderLineId: 'elsewhere', quantity: 1 }])).toMatchObject({ ok: false });
  });
});

describe('completeness', () => {
  it('is complete only when every line has shipped in full', () => {
    expect(isFullyShipped([])).toBe(false);
    expect(shipmentState(lines)).toBe('none');
    expect(
      isFullyShipped([
        { quantity: 2, shippedQuantity: 2 },
        { quantity: 1, shippedQuantity: 0 },
      ]),
    ).toBe(false);
    expect(
      isFullyShipped([
        { quantity: 2, shippedQuantity: 2 },
        { quantity: 1, shippedQuantity: 1 },
      ]),
    ).toBe(true);
  });

  it('tells the progress of an order at a center', () => {
    expect(centerProgress([{ allocated: 3, packed: 0, shipped: 0 }]).state).toBe('to_pack');
    expect(centerProgress([{ allocated: 3, packed: 1, shipped: 0 }]).state).toBe('packing');
    expect(centerProgress([{ allocated: 3, packed: 3, shipped: 0 }]).state).toBe('packed');
    expect(
      centerProgress([
        { allocated: 3, packed: 3, shipped: 1 },
        { allocated: 1, packed: 0, shipped: 0 },
      ]),
    ).toEqual({ allocated: 4, packed: 3, shipped: 1, state: 'partly_shipped' });
    expect(centerProgress([{ allocated: 3, packed: 3, shipped: 3 }]).state).toBe('shipped');
  });
});
