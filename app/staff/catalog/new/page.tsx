import { ProductForm } from '@/components/catalog/product-form';
import { serverCaller } from '@/server/trpc/server';

export const metadata = { title: 'New product' };

export default async function NewProductPage() {
  const options = await (await serverCaller()).staffCatalog.options();
  return (
    <>
      <h1>New product</h1>
      <p className="lede">After creating it, set its price in each price list and record its stock.</p>
      <ProductForm
        initial={{ sku: '', name: '', description: '', unit: 'each', category: '', active: true }}
        categories={options.categories}
      />
    </>
  );
}
