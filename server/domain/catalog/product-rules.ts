import { minorDigits, parseAmountToMinor } from '../money';

/** How long a product's fields may be; the same for the staff form and the CSV import. */
export const PRODUCT_LIMITS = { sku: 50, name: 200, description: 2000, unit: 30, category: 100 } as const;

/** The highest unit price, in whole units of the price list's currency. */
export const MAX_UNIT_PRICE_MAJOR = 10_000_000;

export const SKU_PATTERN = /^[A-Z0-9][A-Z0-9._-]*$/;

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * A SKU as typed → as stored: trimmed and upper-cased; letters, digits, ". _ -" (no spaces or
 * slashes, so it can stand in a page address).
 */
export function parseSku(text: string): Parsed<string> {
  const sku = text.trim().toUpperCase();
  if (!sku) return { ok: false, message: 'sku is empty.' };
  if (sku.length > PRODUCT_LIMITS.sku)
    return { ok: false, message: `sku is longer than ${PRODUCT_LIMITS.sku} characters.` };
  if (!SKU_PATTERN.test(sku)) {
    return {
      ok: false,
      message: `sku "${sku.slice(0, 40)}" may only hold letters, digits, points, hyphens and underscores, starting with a letter or digit.`,
    };
  }
  return { ok: true, value: sku };
}

/** A required text field of at most `max` characters. */
export function requiredText(field: string, text: string, max: number): Parsed<string> {
  const value = text.trim();
  if (!value) return { ok: false, message: `${field} is empty.` };
  if (value.length > max) return { ok: false, message: `${field} is longer than ${max} characters.` };
  return { ok: true, value };
}

/** The highest unit price in minor units of `currency`. */
export function maxUnitPriceMinor(currency: string): number {
  return MAX_UNIT_PRICE_MAJOR * 10 ** minorDigits(currency);
}

/**
 * A unit price as typed ("12.50", "1,200") → minor units of the price list's currency: more than
 * zero, at most MAX_UNIT_PRICE_MAJOR, no more decimals than the currency has. Never a float.
 */
export function parseUnitPrice(text: string, currency: string): Parsed<number> {
  const digits = minorDigits(currency);
  const example =
    digits === 0 ? '1250, without decimals' : `12.${'5'.padEnd(digits, '0')}, with at most ${digits} decimals`;
  const minor = parseAmountToMinor(text, currency);
  if (minor === null)
    return {
      ok: false,
      message: `"${text.trim().slice(0, 40)}" is not a price in ${currency}. Write it like ${example}.`,
    };
  if (minor === 0)
    return { ok: false, message: 'A price must be more than zero. To stop selling a product, make it inactive.' };
  if (minor > maxUnitPriceMinor(currency))
    return {
      ok: false,
      message: `A unit price is at most ${MAX_UNIT_PRICE_MAJOR.toLocaleString('en-US')} ${currency}.`,
    };
  return { ok: true, value: minor };
}
