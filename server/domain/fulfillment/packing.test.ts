import { describe, expect, it } from 'vitest';
import { planPackage, remainingToPack, type PackableLine } from './packing';

const pens: PackableLine = { orderLineId: 'l1', sku: 'PEN-100', allocated: 10, packed: 4 };
const pads: PackableLine = { orderLineId: 'l2', sku: 'PAD-200', allocated: 3, packed: 3 };

describe('planPackage', () => {
  it('packs up to what is allocated at the center less what is already packed there', () => {
    expect(remainingToPack(pens)).toBe(6);
    expect(planPackage([pens, pads], [{ orderLineId: 'l1', quantity: 6 }])).toEqual({
      ok: true,
      lines: [{ orderLineId: 'l1', quantity: 6 }],
      itemCount: 6,
    });
  });

  it('refuses one more than is left, naming the SKU and the figures beside the line', () => {
    const plan = planPackage([pens], [{ orderLineId: 'l1', quantity: 7 }]);
    expect(plan).toMatchObject({
      ok: false,
      fieldErrors: {
        'lines.0.quantity': ['At most 6 of PEN-100 can still be packed here (10 allocated, 4 already packed).'],
      },
    });
  });

  it('says when a line is already fully packed, and refuses lines allocated elsewhere', () => {
    const plan = planPackage(
      [pens, pads],
      [
        { orderLineId: 'l1', quantity: 1 },
        { orderLineId: 'l2', quantity: 1 },
        { orderLineId: 'other-center', quantity: 1 },
      ],
    );
    expect(plan).toMatchObject({
      ok: false,
      fieldErrors: {
        'lines.1.quantity': [expect.stringContaining('PAD-200 is already fully packed')],
        'lines.2.quantity': [expect.stringContaining('nothing allocated at this fulfillment center')],
      },
    });
    expect(plan.ok ? {} : plan.fieldErrors).not.toHaveProperty('lines.0.quantity');
  });

  it('refuses zero, fractions, a line listed twice and an empty package', () => {
    expect(planPackage([pens], [{ orderLineId: 'l1', quantity: 0 }])).toMatchObject({
      ok: false,
      fieldErrors: { 'lines.0.quantity': [expect.stringContaining('at least 1')] },
    });
    expect(planPackage([pens], [{ orderLineId: 'l1', quantity: 1.5 }])).toMatchObject({ ok: false });
    expect(
      planPackage(
        [pens],
        [
          { orderLineId: 'l1', quantity: 1 },
          { orderLineId: 'l1', quantity: 1 },
        ],
      ),
    ).toMatchObject({ ok: false, fieldErrors: { 'lines.1.quantity': [expect.stringContaining('listed twice')] } });
    expect(planPackage([pens], [])).toMatchObject({ ok: false, message: 'Enter a quantity for at least one line.' });
  });
});
