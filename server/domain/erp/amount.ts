import { minorDigits } from '../money';

export type ParsedAmount = { ok: true; minor: number } | { ok: false; message: string };

/**
 * An ERP amount as written in the export ("25000.00", "25000", "0.5") → integer minor units of
 * the currency. Strict: no sign, no thousands separators, no exponent, no more decimals than the
 * currency has. Parsed from the digits, never through a float.
 */
export function parseErpAmount(text: string, currency: string): ParsedAmount {
  const digits = minorDigits(currency);
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  const example = digits === 0 ? '25000' : `25000.${'0'.repeat(digits)}`;
  if (!match)
    return {
      ok: false,
      message: `"${text.slice(0, 40)}" is not an amount. Write it like ${example}: digits, a point, no thousands separators.`,
    };
  const [, whole = '', fraction = ''] = match;
  if (fraction.length > digits) {
    return { ok: false, message: `"${text.slice(0, 40)}" has more decimals than ${currency} allows (${digits}).` };
  }
  const minor = BigInt(whole) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0') || '0');
  if (minor > BigInt(Number.MAX_SAFE_INTEGER))
    return { ok: false, message: `"${text.slice(0, 40)}" is too large an amount.` };
  return { ok: true, minor: Number(minor) };
}
