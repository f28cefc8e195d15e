import { TRPCError } from '@trpc/server';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { AddToCart } from '@/components/cart/add-to-cart';
import { AvailabilityNote } from '@/components/catalog/availability-note';
import { getMe } from '@/components/shell/me';
import { catalogHref } from '@/components/catalog/category-nav';
import { PriceTag } from '@/components/catalog/price-tag';
import { ProductPicture } from '@/components/catalog/product-picture';
import styles from '@/components/catalog/catalog.module.css';
import { serverCaller } from '@/server/trpc/server';
import { BackLink } from '@/components/ui/back-link';

type Props = { params: Promise<{ sku: string }> };

/** The product as this member may see it; an unknown, inactive or malformed SKU is a 404. */
const loadProduct = cache(async (sku: string) => {
  try {
    return await (await serverCaller()).catalog.product({ sku });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST')) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props) {
  const product = await loadProduct((await params).sku);
  return { title: product.name };
}

export default async function ProductPage({ params }: Props) {
  const product = await loadProduct((await params).sku);
  const mayOrder = (await getMe())?.membership?.permissions.includes('orders.place') ?? false;
  return (
    <>
      <BackLink href={catalogHref({ category: product.category })}>{product.category}</BackLink>
      <h1>{product.name}</h1>
      <div className={styles.productLayout}>
        <div className={styles.detailPicture}>
          <ProductPicture
            pictureKey={product.pictureKey}
            name={product.name}
            variant="detail"
            size={360}
            decorative={false}
          />
        </div>
        <div className={styles.detail}>
          <section className="card" aria-labelledby="product-facts">
            <h2 id="product-facts">Details</h2>
            <dl className="definition-list">
              <dt>SKU</dt>
              <dd>{product.sku}</dd>
              <dt>Sold by</dt>
              <dd>{product.unit}</dd>
              <dt>Category</dt>
              <dd>{product.category}</dd>
            </dl>
            {product.description && <p>{product.description}</p>}
          </section>
          {(product.price !== undefined || product.stock) && (
            <section className="card" aria-labelledby="product-buying">
              <h2 id="product-buying">
                {product.price === undefined ? 'Availability' : product.stock ? 'Price and availability' : 'Price'}
              </h2>
              {product.price !== undefined && <PriceTag price={product.price} unit={product.unit} />}
              {product.stock && <AvailabilityNote stock={product.stock} />}
            </section>
          )}
          {mayOrder && (
            <section className="card" aria-labelledby="product-order">
              <h2 id="product-order">Order</h2>
              <AddToCart sku={product.sku} name={product.name} />
            </section>
          )}
        </div>
      </div>
    </>
  );
}
