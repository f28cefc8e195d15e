import type { BuyerPrice } from '../catalog/pricing';
import { MAX_AMOUNT_MINOR } from '../money';

/** A cart line as checkout sees it: the product as it is now and the buyer's price for it. */
export type CheckoutLine = {
  productId: string;
  sku: string;
  name: string;
  unit: string;
  active: boolean;
  quantity: number;
  price: BuyerPrice;
};

export type PricedOrderLine = {
  productId: string;
  sku: string;
  name: string;
  unit: string;
  quantity: number;
  unitPriceMinor: number;
  listPriceMinor: number;
  discountBasisPoints: number;
  lineTotalMinor: number;
};

export type OrderTotals = {
  currency: string;
  subtotalMinor: number;
  shippingMinor: number;
  totalMinor: number;
  itemCount: number;
  skuCount: number;
};

export type PricedOrder = { ok: true; lines: PricedOrderLine[]; totals: OrderTotals } | { ok: false; message: string };

/**
 * Turns the cart into order lines at today's prices, or says why it cannot be ordered as it is:
 * empty, a product withdrawn, a price on request, mixed currencies, a shipping cost in another
 * currency. The checkout shows the message; the cart page is where it is fixed.
 */
export function priceOrder(
  cart: readonly CheckoutLine[],
  shipping: { costMinor: number; currency: string },
): PricedOrder {
  if (cart.length === 0) return { ok: false, message: 'Your cart is empty.' };
  const withdrawn = cart.filter((line) => !line.active).map((line) => line.sku);
  if (withdrawn.length > 0)
    return { ok: false, message: `No longer sold: ${withdrawn.join(', ')}. Remove them from your cart.` };
  const onRequest = cart.filter((line) => line.price.kind === 'on_request').map((line) => line.sku);
  if (onRequest.length > 0)
    return {
      ok: false,
      message: `No price for your account yet: ${onRequest.join(', ')}. Remove them or ask for a quote.`,
    };

  const lines: PricedOrderLine[] = cart.map((line) => {
    const price = line.price as Extract<BuyerPrice, { kind: 'priced' }>;
    return {
      productId: line.productId,
      sku: line.sku,
      name: line.name,
      unit: line.unit,
      quantity: line.quantity,
      unitPriceMinor: price.unitPriceMinor,
      listPriceMinor: price.listPriceMinor,
      discountBasisPoints: price.discountBasisPoints,
      lineTotalMinor: price.unitPriceMinor * line.quantity,
    };
  });
  const currencies = new Set(cart.map((line) => (line.price as { currency: string }).currency));
  if (currencies.size > 1)
    return {
      ok: false,
      message: 'The items are priced in different currencies; order them separately or ask your representative.',
    };
  const [currency = shipping.currency] = currencies;
  if (shipping.currency !== currency)
    return { ok: false, message: `That shipping method is not available for orders in ${currency}.` };

  const subtotalMinor = lines.reduce((sum, line) => sum + line.lineTotalMinor, 0);
  const totalMinor = subtotalMinor + shipping.costMinor;
  if (totalMinor > MAX_AMOUNT_MINOR)
    return { ok: false, message: 'This order is too large to place online; ask your representative.' };
  return {
    ok: true,
    lines,
    totals: {
      currency,
      subtotalMinor,
      shippingMinor: shipping.costMinor,
      totalMinor,
      itemCount: lines.reduce((sum, line) => sum + line.quantity, 0),
      skuCount: lines.length,
    },
  };
}
