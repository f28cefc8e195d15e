import { formatMoney } from '@/components/catalog/money';
import type { RouterOutputs } from '@/components/trpc/types';
import styles from './authorizations.module.css';

type Order = RouterOutputs['authorizations']['order']['order'];

/** The order's lines as a phone reads them, with amounts and totals only when the answer has them. */
export function OrderLines({ lines, totals }: { lines: Order['lines']; totals: Order['totals'] }) {
  const money = (minor: number | undefined) =>
    totals && minor !== undefined ? formatMoney(minor, totals.currency) : null;
  return (
    <>
      <ul className={styles.lines} aria-label="Items of the order">
        {lines.map((line) => (
          <li key={line.lineNumber} className={styles.line}>
            <span>
              {line.quantity} × {line.name}
              <br />
              <span className="field-hint">
                {line.sku} · {line.unit}
                {'unitPriceMinor' in line && money(line.unitPriceMinor) && ` · ${money(line.unitPriceMinor)} each`}
              </span>
            </span>
            {'lineTotalMinor' in line && <span className={styles.lineAmount}>{money(line.lineTotalMinor)}</span>}
          </li>
        ))}
      </ul>
      {totals && (
        <dl className={styles.totals} aria-label="Totals">
          <dt>Subtotal</dt>
          <dd>{money(totals.subtotalMinor)}</dd>
          <dt>Shipping</dt>
          <dd>{money(totals.shippingMinor)}</dd>
          <dt className={styles.grandTotal}>Total</dt>
          <dd className={styles.grandTotal}>{money(totals.totalMinor)}</dd>
        </dl>
      )}
    </>
  );
}
