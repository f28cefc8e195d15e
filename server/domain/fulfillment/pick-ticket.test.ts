import { describe, expect, it } from 'vitest';
import { aggregatePickLines } from './pick-ticket';

describe('aggregatePickLines', () => {
  it('lists each SKU once, sorted by SKU, with the total and the split per order by number', () => {
    const items = aggregatePickLines([
      { orderNumber: 'CS-100010', sku: 'PEN-100', name: 'Pen', unit: 'box', quantity: 2 },
      { orderNumber: 'CS-100009', sku: 'PEN-100', name: 'Pen', unit: 'box', quantity: 5 },
      { orderNumber: 'CS-100009', sku: 'GLOVE-7', name: 'Glove', unit: 'pair', quantity: 1 },
      { orderNumber: 'CS-100010', sku: 'ZIP-1', name: 'Zip tie', unit: 'pack of 100', quantity: 3 },
    ]);
    expect(items).toEqual([
      {
        sku: 'GLOVE-7',
        name: 'Glove',
        unit: 'pair',
        totalQuantity: 1,
        orders: [{ orderNumber: 'CS-100009', quantity: 1 }],
      },
      {
        sku: 'PEN-100',
        name: 'Pen',
        unit: 'box',
        totalQuantity: 7,
        orders: [
          { orderNumber: 'CS-100009', quantity: 5 },
          { orderNumber: 'CS-100010', quantity: 2 },
        ],
      },
      {
        sku: 'ZIP-1',
        name: 'Zip tie',
        unit: 'pack of 100',
        totalQuantity: 3,
        orders: [{ orderNumber: 'CS-100010', quantity: 3 }],
      },
    ]);
  });

  it('adds up two lines of one order for the same SKU and leaves out nothing-to-pick lines', () => {
    const items = aggregatePickLines([
      { orderNumber: 'CS-1', sku: 'A', name: 'A', unit: 'each', quantity: 1 },
      { orderNumber: 'CS-1', sku: 'A', name: 'A', unit: 'each', quantity: 2 },
      { orderNumber: 'CS-2', sku: 'B', name: 'B', unit: 'each', quantity: 0 },
    ]);
    expect(items).toEqual([
      { sku: 'A', name: 'A', unit: 'each', totalQuantity: 3, orders: [{ orderNumber: 'CS-1', quantity: 3 }] },
    ]);
  });

  it('orders numbers numerically, so CS-9 comes before CS-10', () => {
    const items = aggregatePickLines([
      { orderNumber: 'CS-10', sku: 'A', name: 'A', unit: 'each', quantity: 1 },
      { orderNumber: 'CS-9', sku: 'A', name: 'A', unit: 'each', quantity: 1 },
    ]);
    expect(items[0]?.orders.map((order) => order.orderNumber)).toEqual(['CS-9', 'CS-10']);
  });
});
