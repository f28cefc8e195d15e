import { LineProduct } from '@/components/catalog/line-product';
import { formatMoney } from '@/components/catalog/money';
import { DataTable, type Column } from '@/components/ui/data-table';
import styles from './quotes.module.css';

/** A quote line as the procedures return it; the price keys are absent for members who may not see prices. */
export type QuoteLineView = {
  lineNumber: number;
  sku: string;
  name: string;
  pictureKey?: string | null;
  unit: string;
  quantity: number;
  unitPriceMinor?: number | null;
  lineTotalMinor?: number | null;
};

/**
 * The lines of a quote, with the quoted prices once there are any (and the reader may see them),
 * and the total below.
 */
export function QuoteLines({
  lines,
  currency,
  totalMinor,
  catalogLinks = true,
}: {
  lines: QuoteLineView[];
  currency: string;
  totalMinor?: number;
  catalogLinks?: boolean;
}) {
  const priced = lines.some((line) => line.unitPriceMinor != null);
  const price = (minor: number | null | undefined) => (minor == null ? '—' : formatMoney(minor, currency));
  const columns: Column<QuoteLineView>[] = [
    { header: 'Line', cell: (line) => line.lineNumber },
    { header: 'SKU', cell: (line) => line.sku },
    {
      header: 'Product',
      cell: (line) => (
        <LineProduct
          pictureKey={line.pictureKey}
          name={line.name}
          href={catalogLinks ? `/catalog/${encodeURIComponent(line.sku)}` : undefined}
        />
      ),
    },
    { header: 'Quantity', cell: (line) => `${line.quantity} ${line.unit}` },
    ...(priced
      ? [
          { header: 'Quoted unit price', cell: (line: QuoteLineView) => price(line.unitPriceMinor) },
          { header: 'Line total', cell: (line: QuoteLineView) => price(line.lineTotalMinor) },
        ]
      : []),
  ];
  return (
    <>
      <DataTable
        caption="Lines of the quote"
        rows={lines}
        rowKey={(line) => String(line.lineNumber)}
        empty="No lines."
        columns={columns}
      />
      {totalMinor !== undefined && (
        <dl className={styles.totals} aria-label="Quote total">
          <dt className={styles.grandTotal}>Total before shipping</dt>
          <dd className={styles.grandTotal} data-testid="quote-total">
            {formatMoney(totalMinor, currency)}
          </dd>
        </dl>
      )}
    </>
  );
}

/** "2026-12-23": the day a quote's prices hold until (stored as the end of that day, UTC). */
export function formatQuoteDate(value: Date | null | undefined): string {
  return value ? value.toISOString().slice(0, 10) : '—';
}
