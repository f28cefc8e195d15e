import { describe, expect, it } from 'vitest';
import { addedQuantity, cartSubtotal, MAX_LINE_QUANTITY, parseQuickOrder } from './cart';

describe('parseQuickOrder', () => {
  it('reads SKUs and quantities however they are separated, adding up repeats', () => {
    expect(parseQuickOrder('pen-100 12\nPAD-A4,3\n\nINK-9;2\nPEN-100\tnot\nPEN-100 1\nCLIP')).toEqual({
      entries: [
        { line: 1, sku: 'PEN-100', quantity: 13 },
        { line: 2, sku: 'PAD-A4', quantity: 3 },
        { line: 4, sku: 'INK-9', quantity: 2 },
        { line: 7, sku: 'CLIP', quantity: 1 },
      ],
      problems: [
        {
          line: 5,
          text: 'PEN-100\tnot',
          message: `The quantity must be a whole number from 1 to ${MAX_LINE_QUANTITY}.`,
        },
      ],
    });
  });

  it('refuses zero, negative, fractional and huge quantities, and junk', () => {
    const { entries, problems } = parseQuickOrder('A 0\nB -2\nC 1.5\nD 10000\n<script> 1\nE 1 2');
    expect(entries).toEqual([]);
    expect(problems.map((problem) => problem.line)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('caps how many lines it takes at once', () => {
    const text = Array.from({ length: 51 }, (_, i) => `SKU-${i} 1`).join('\n');
    expect(parseQuickOrder(text)).toMatchObject({
      entries: [],
      problems: [{ message: 'Enter at most 50 lines at once.' }],
    });
  });
});

it('refuses a cart line beyond the maximum', () => {
  expect(addedQuantity(9_000, 999)).toEqual({ ok: true, quantity: 9_999 });
  expect(addedQuantity(9_000, 1_000)).toMatchObject({ ok: false });
});

it('totals a cart only when every line has a price in one currency', () => {
  expect(
    cartSubtotal([
      { quantity: 3, unitPriceMinor: 250, currency: 'USD' },
      { quantity: 1, unitPriceMinor: 99, currency: 'USD' },
    ]),
  ).toEqual({ ok: true, subtotalMinor: 849, currency: 'USD' });
  expect(cartSubtotal([{ quantity: 1, unitPriceMinor: 1, currency: 'USD' }, null])).toMatchObject({ ok: false });
  expect(
    cartSubtotal([
      { quantity: 1, unitPriceMinor: 1, currency: 'USD' },
      { quantity: 1, unitPriceMinor: 1, currency: 'EUR' },
    ]),
  ).toMatchObject({ ok: false });
});
