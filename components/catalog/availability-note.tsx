import { availabilityWord } from '@/server/domain/catalog/availability';
import type { StockView } from '@/server/services/catalog/browse';
import styles from './catalog.module.css';

const WORDS = {
  in_stock: { label: 'In stock', tone: 'badge-good' },
  low: { label: 'Low stock', tone: '' },
  out_of_stock: { label: 'Out of stock', tone: 'badge-bad' },
} as const;

/** Available to promise, in total and (on a product page) per fulfillment center. Render only when the server sent stock. */
export function AvailabilityNote({ stock }: { stock: StockView }) {
  const word = WORDS[availabilityWord(stock.available)];
  return (
    <div>
      <p className={styles.price}>
        <span className={`badge ${word.tone}`}>{word.label}</span>
        {stock.available > 0 && ` ${stock.available.toLocaleString('en-US')} available`}
      </p>
      {stock.byCenter && (
        <ul className={styles.centers} aria-label="Available per fulfillment center">
          {stock.byCenter.map((center) => (
            <li key={center.code}>
              {center.name} ({center.code}): {center.available.toLocaleString('en-US')}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
