import type { PriceView } from '@/server/services/catalog/browse';
import { formatBasisPoints, formatMoney } from './money';
import styles from './catalog.module.css';

/** The member's price for one unit; null means "price on request". Render only when the server sent a price. */
export function PriceTag({ price, unit }: { price: PriceView | null; unit: string }) {
  if (price === null) return <p className={styles.price}>Price on request</p>;
  const discounted = price.listPriceMinor !== undefined && price.discountBasisPoints !== undefined;
  return (
    <p className={styles.price}>
      <strong>{formatMoney(price.unitPriceMinor, price.currency)}</strong> {unit === 'each' ? 'each' : `per ${unit}`}
      {discounted && (
        <>
          <br />
          <span className={styles.was}>
            List price <s>{formatMoney(price.listPriceMinor ?? 0, price.currency)}</s>, your discount{' '}
            {formatBasisPoints(price.discountBasisPoints ?? 0)}
          </span>
        </>
      )}
    </p>
  );
}
