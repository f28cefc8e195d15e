/** Money is integer minor units (cents) with an ISO currency; amounts typed by people are parsed here. */

/** Currencies whose minor unit is not a hundredth (ISO 4217); every other currency has two decimals. */
const MINOR_DIGITS: Record<string, number> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
};

export function minorDigits(currency: string): number {
  return MINOR_DIGITS[currency] ?? 2;
}

/** Large enough for any B2B credit limit, small enough to stay an exact JavaScript integer. */
export const MAX_AMOUNT_MINOR = 10_000_000_000_000;

/**
 * What a person types ("25,000.50", "25 000.5") → integer minor units of the currency. Thousands
 * separators (comma or space) are allowed; signs, exponents and more decimals than the currency
 * has are not. Parsed from the digits, never through a float. Null when it is not an amount.
 */
export function parseAmountToMinor(text: string, currency: string): number | null {
  const digits = minorDigits(currency);
  const cleaned = text.trim().replace(/[,\s](?=\d{3}(?:\D|$))/g, '');
  const match = /^(\d{1,15})(?:\.(\d+))?$/.exec(cleaned);
  if (!match || (match[2] ?? '').length > digits) return null;
  const minor = Number(match[1]) * 10 ** digits + Number((match[2] ?? '').padEnd(digits, '0') || '0');
  return minor <= MAX_AMOUNT_MINOR ? minor : null;
}

/** 2500050 USD → "25,000.50", for forms and plain text; pages format with Intl and the currency. */
export function formatMinor(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const major = Math.floor(abs / 10 ** digits).toLocaleString('en-US');
  return digits === 0 ? `${sign}${major}` : `${sign}${major}.${String(abs % 10 ** digits).padStart(digits, '0')}`;
}

/** "2.5" (percent) → 250 basis points; null unless 0–100 with at most two decimals. */
export function parsePercentToBasisPoints(text: string): number | null {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  const points = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return points <= 100_00 ? points : null;
}

const formats = new Map<string, Intl.NumberFormat>();

/** Building an Intl.NumberFormat costs far more than using one: one per currency, kept. */
function currencyFormat(currency: string, digits: number): Intl.NumberFormat {
  let format = formats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formats.set(currency, format);
  }
  return format;
}

/**
 * 123456 USD → "$1,234.56". Intl formats the exact decimal written from the integer minor units,
 * so no amount ever passes through a float.
 */
export function formatMoney(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  const text = String(Math.abs(minor)).padStart(digits + 1, '0');
  const decimal = digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
  return currencyFormat(currency, digits).format(`${minor < 0 ? '-' : ''}${decimal}` as `${number}`);
}
