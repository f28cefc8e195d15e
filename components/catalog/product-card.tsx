import Link from 'next/link';
import { AddToCart } from '@/components/cart/add-to-cart';
import type { CatalogProduct } from '@/server/services/catalog/browse';
import { AvailabilityNote } from './availability-note';
import { PriceTag } from './price-tag';
import { ProductPicture } from './product-picture';
import styles from './catalog.module.css';

/**
 * One product in the store's list: its picture, name, SKU, and price and availability only when
 * the server sent them; quantity and Add to cart for a member who may order.
 */
export function ProductCard({ product, mayOrder }: { product: CatalogProduct; mayOrder: boolean }) {
  return (
    <li className={`card ${styles.product}`}>
      <div className={styles.picture}>
        <ProductPicture pictureKey={product.pictureKey} name={product.name} variant="thumb" size={320} />
      </div>
      <div className={styles.text}>
        <h2>
          <Link href={`/catalog/${encodeURIComponent(product.sku)}`}>{product.name}</Link>
        </h2>
        <p className={styles.meta}>
          SKU {product.sku} · {product.unit}
        </p>
        {product.price !== undefined && <PriceTag price={product.price} unit={product.unit} />}
        {product.stock && <AvailabilityNote stock={product.stock} />}
      </div>
      {mayOrder && (
        <div className={styles.order}>
          <AddToCart sku={product.sku} name={product.name} compact />
        </div>
      )}
    </li>
  );
}
