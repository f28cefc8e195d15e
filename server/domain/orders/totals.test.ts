import { describe, expect, it } from 'vitest';
import type { BuyerPrice } from '../catalog/pricing';
import { priceOrder, type CheckoutLine } from './totals';

const usd = (unitPriceMinor: number, discountBasisPoints = 0): BuyerPrice => ({
  kind: 'priced',
  unitPriceMinor,
  currency: 'USD',
  listPriceMinor: unitPriceMinor,
  discountBasisPoints,
});
const line = (sku: string, quantity: number, price: BuyerPrice, active = true): CheckoutLine => ({
  productId: sku,
  sku,
  name: sku,
  unit: 'each',
  active,
  quantity,
  price,
});
const ground = { costMinor: 1_500, currency: 'USD' };

describe('priceOrder', () => {
  it('totals the lines at their prices plus shipping, with item and SKU counts', () => {
    const priced = priceOrder([line('PEN', 3, usd(250)), line('PAD', 2, usd(1_000))], ground);
    expect(priced).toMatchObject({
      ok: true,
      totals: {
        currency: 'USD',
        subtotalMinor: 2_750,
        shippingMinor: 1_500,
        totalMinor: 4_250,
        itemCount: 5,
        skuCount: 2,
      },
    });
  });

  it('refuses an empty cart, a withdrawn product and a price on request, naming the SKUs', () => {
    expect(priceOrder([], ground)).toEqual({ ok: false, message: 'Your cart is empty.' });
    expect(priceOrder([line('OLD', 1, usd(1), false)], ground)).toMatchObject({
      ok: false,
      message: expect.stringContaining('OLD'),
    });
    expect(priceOrder([line('ASK', 1, { kind: 'on_request', reason: 'not_in_list' })], ground)).toMatchObject({
      ok: false,
      message: expect.stringContaining('ASK'),
    });
  });

  it('refuses mixed currencies and a shipping cost in another currency', () => {
    const eur: BuyerPrice = {
      kind: 'priced',
      unitPriceMinor: 100,
      currency: 'EUR',
      listPriceMinor: 100,
      discountBasisPoints: 0,
    };
    expect(priceOrder([line('A', 1, usd(100)), line('B', 1, eur)], ground)).toMatchObject({ ok: false });
    expect(priceOrder([line('B', 1, eur)], ground)).toMatchObject({
      ok: false,
      message: expect.stringContaining('EUR'),
    });
  });
});
