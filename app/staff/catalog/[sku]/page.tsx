import { TRPCError } from '@trpc/server';
import { notFound } from 'next/navigation';
import { PictureUpload } from '@/components/catalog/picture-upload';
import { PriceEditor } from '@/components/catalog/price-editor';
import { ProductForm } from '@/components/catalog/product-form';
import { StockEditor } from '@/components/catalog/stock-editor';
import { Alert } from '@/components/ui/alert';
import { serverCaller } from '@/server/trpc/server';

export const metadata = { title: 'Product' };

type Props = { params: Promise<{ sku: string }>; searchParams: Promise<{ created?: string }> };

async function load(sku: string) {
  const api = await serverCaller();
  try {
    return await Promise.all([api.staffCatalog.product({ sku }), api.staffCatalog.options()]);
  } catch (error) {
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST')) notFound();
    throw error;
  }
}

export default async function StaffProductPage({ params, searchParams }: Props) {
  const [{ product, prices, stock }, options] = await load((await params).sku);
  const { created } = await searchParams;
  return (
    <>
      <h1>{product.name}</h1>
      {created && <Alert tone="success">Product {product.sku} created. Now set its prices and stock.</Alert>}
      <p className="lede">
        SKU {product.sku} · {product.active ? 'active: shown in the store' : 'inactive: not shown in the store'}
      </p>
      <section className="card" aria-labelledby="product-details">
        <h2 id="product-details">Details</h2>
        <ProductForm
          productId={product.id}
          initial={{
            sku: product.sku,
            name: product.name,
            description: product.description,
            unit: product.unit,
            category: product.category,
            active: product.active,
          }}
          categories={options.categories}
        />
      </section>
      <section className="card" aria-labelledby="product-picture">
        <h2 id="product-picture">Picture</h2>
        <PictureUpload sku={product.sku} name={product.name} pictureKey={product.pictureKey} />
      </section>
      <section className="card" aria-labelledby="product-prices">
        <h2 id="product-prices">Prices per list</h2>
        <p>Buyers pay the price of the list their contract names, less their contract&apos;s discount.</p>
        <PriceEditor productId={product.id} prices={prices} />
      </section>
      <section className="card" aria-labelledby="product-stock">
        <h2 id="product-stock">Stock per fulfillment center</h2>
        <p>Available to promise is on hand less what orders already hold (allocated).</p>
        <StockEditor productId={product.id} stock={stock} />
      </section>
    </>
  );
}
