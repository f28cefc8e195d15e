import { notFound } from 'next/navigation';

/** The batch number in a page address; anything else is simply not found. */
export function batchNumberParam(value: string): number {
  const number = Number(value);
  if (!/^\d{1,10}$/.test(value) || !Number.isSafeInteger(number) || number < 1 || number > 2_000_000_000) notFound();
  return number;
}
