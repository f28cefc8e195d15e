import Link from 'next/link';
import { ProductPicture } from './product-picture';
import styles from './line-product.module.css';

/** A line's product as orders and quotes list it: its thumbnail beside its name (a link to the catalog when given). */
export function LineProduct({ pictureKey, name, href }: { pictureKey?: string | null; name: string; href?: string }) {
  return (
    <span className={styles.product}>
      <ProductPicture pictureKey={pictureKey} name={name} size={56} />
      {href ? <Link href={href}>{name}</Link> : <span>{name}</span>}
    </span>
  );
}
