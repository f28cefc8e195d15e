/** Limits that keep a cart sensible and a typo ("10000" for "100") from becoming an order. */
export const MAX_LINE_QUANTITY = 9_999;
export const MAX_CART_LINES = 200;
export const MAX_QUICK_ORDER_LINES = 50;

export type QuickOrderEntry = { line: number; sku: string; quantity: number };
export type QuickOrderProblem = { line: number; text: string; message: string };

/**
 * Reads a quick order as people paste it from a spreadsheet or type it: one line each, a SKU and
 * a quantity separated by spaces, a tab, a comma or a semicolon ("PEN-100 12", "PEN-100,12").
 * A SKU alone means one. The same SKU twice adds up.
 */
export function parseQuickOrder(text: string): { entries: QuickOrderEntry[]; problems: QuickOrderProblem[] } {
  const entries: QuickOrderEntry[] = [];
  const problems: QuickOrderProblem[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (!trimmed) return;
    const [sku = '', quantityText, ...rest] = trimmed.split(/[\s,;\t]+/);
    const quantity = quantityText === undefined ? 1 : Number(quantityText);
    if (rest.length > 0)
      problems.push({ line, text: trimmed, message: 'Write a SKU and a quantity, like "PEN-100 12".' });
    else if (!/^[A-Za-z0-9._/-]{1,50}$/.test(sku))
      problems.push({ line, text: trimmed, message: `"${sku.slice(0, 50)}" is not a SKU.` });
    else if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_LINE_QUANTITY) {
      problems.push({
        line,
        text: trimmed,
        message: `The quantity must be a whole number from 1 to ${MAX_LINE_QUANTITY}.`,
      });
    } else {
      const sameSku = entries.find((entry) => entry.sku === sku.toUpperCase());
      if (sameSku) sameSku.quantity = Math.min(MAX_LINE_QUANTITY, sameSku.quantity + quantity);
      else entries.push({ line, sku: sku.toUpperCase(), quantity });
    }
  });
  if (entries.length + problems.length > MAX_QUICK_ORDER_LINES) {
    return {
      entries: [],
      problems: [
        { line: MAX_QUICK_ORDER_LINES + 1, text: '', message: `Enter at most ${MAX_QUICK_ORDER_LINES} lines at once.` },
      ],
    };
  }
  return { entries, problems };
}

/** A quantity added to what the cart holds, or why it cannot be. */
export function addedQuantity(
  current: number,
  adding: number,
): { ok: true; quantity: number } | { ok: false; message: string } {
  const quantity = current + adding;
  if (quantity > MAX_LINE_QUANTITY) {
    return { ok: false, message: `A cart line holds at most ${MAX_LINE_QUANTITY}; this one would have ${quantity}.` };
  }
  return { ok: true, quantity };
}

export type PricedLine = { quantity: number; unitPriceMinor: number; currency: string };

/** The cart's subtotal, when every line has a price in one currency; otherwise why not. */
export function cartSubtotal(
  lines: readonly (PricedLine | null)[],
): { ok: true; subtotalMinor: number; currency: string | null } | { ok: false; message: string } {
  if (lines.some((line) => line === null))
    return { ok: false, message: 'Some items have no price for your account yet; ask for a quote.' };
  const priced = lines as PricedLine[];
  const currencies = new Set(priced.map((line) => line.currency));
  if (currencies.size > 1)
    return { ok: false, message: 'The items are priced in different currencies; ask your representative.' };
  return {
    ok: true,
    subtotalMinor: priced.reduce((sum, line) => sum + line.quantity * line.unitPriceMinor, 0),
    currency: priced[0]?.currency ?? null,
  };
}
