import { minorDigits } from '@/server/domain/money';

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

/** 250 basis points → "2.5 %". */
export function formatBasisPoints(basisPoints: number): string {
  const fraction = String(basisPoints % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return `${Math.floor(basisPoints / 100)}${fraction ? `.${fraction}` : ''} %`;
}

/** Minor units → the plain amount a staff member types ("1234.50"), for prefilled price fields. */
export function minorToInput(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  const text = String(minor).padStart(digits + 1, '0');
  return digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}
