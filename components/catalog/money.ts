import { minorDigits } from '@/server/domain/money';

export { formatMoney } from '@/server/domain/money';

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
