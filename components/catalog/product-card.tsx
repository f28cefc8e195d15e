import Link from 'next/link';
import type { CatalogProduct } from '@/server/services/catalog/browse';
import { AvailabilityNote } from './availability-note';
import { PriceTag } from './price-tag';
import styles from './catalog.module.css';

/** One product in the store's list: price and availability only when the server sent them. */
export function ProductCard({ product }: { product: CatalogProduct }) {
  return (
    <li className={`card ${styles.product}`}>
      <h2>
        <Link href={`/catalog/${encodeURIComponent(product.sku)}`}>{product.name}</Link>
      </h2>
      <p className={styles.meta}>
        SKU {product.sku} · {product.unit} · {product.category}
      </p>
      {product.price !== undefined && <PriceTag price={product.price} unit={product.unit} />}
      {product.stock && <AvailabilityNote stock={product.stock} />}
    </li>
  );
}
