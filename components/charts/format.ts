import { minorDigits } from '@/server/domain/money';

const compact = new Map<string, Intl.NumberFormat>();

/** "$12.5K": an axis tick's amount, short enough for a phone; tables and summaries give it exactly. */
export function compactMoney(minor: number, currency: string): string {
  let format = compact.get(currency);
  if (!format) {
    format = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency,
      notation: 'compact',
      maximumFractionDigits: 1,
    });
    compact.set(currency, format);
  }
  return format.format(minor / 10 ** minorDigits(currency));
}

/** "1,234". */
export const count = (n: number) => n.toLocaleString('en-US');

/** "3 orders", "1 order". */
export const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;

/** "37 %" of a part in a whole; "—" with no whole. */
export const share = (part: number, whole: number) => (whole > 0 ? `${Math.round((part / whole) * 100)} %` : '—');
