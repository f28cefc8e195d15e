import { catalogHref, CategoryNav } from '@/components/catalog/category-nav';
import { ProductCard } from '@/components/catalog/product-card';
import styles from '@/components/catalog/catalog.module.css';
import { Pager } from '@/components/ui/pager';
import { FilterSelect, SearchField, SearchForm } from '@/components/ui/search-form';
import { catalogProductsSchema } from '@/server/schemas/catalog';
import { serverCaller } from '@/server/trpc/server';
import { firstParam, listInputFrom, pageParam, type SearchParams } from '@/server/schemas/list-params';

export const metadata = { title: 'Catalog' };

type Props = { searchParams: Promise<SearchParams> };

export default async function CatalogPage({ searchParams }: Props) {
  const params = await searchParams;
  // A malformed address shows the first page of everything rather than an error.
  const { input } = listInputFrom(catalogProductsSchema, {
    search: firstParam(params.q),
    category: firstParam(params.category),
    page: pageParam(params.page),
  });
  const api = await serverCaller();
  const [categories, list] = await Promise.all([api.catalog.categories(), api.catalog.products(input)]);
  const found = `${list.total.toLocaleString('en-US')} ${list.total === 1 ? 'product' : 'products'}`;
  return (
    <>
      <h1>Catalog</h1>
      <p className="lede">
        {input.search ? `${found} matching “${input.search}”` : found}
        {input.category ? ` in ${input.category}` : ''}.
      </p>
      <SearchForm label="Search the catalog" action="/catalog" submitLabel="Search">
        <SearchField
          id="catalog-q"
          name="q"
          type="search"
          label="Search by name or SKU"
          defaultValue={input.search}
          maxLength={100}
        />
        <FilterSelect
          id="catalog-category"
          name="category"
          label="Category"
          defaultValue={input.category}
          anyLabel="All categories"
          options={categories.map((category) => ({
            value: category.name,
            label: `${category.name} (${category.productCount})`,
          }))}
        />
      </SearchForm>
      <CategoryNav categories={categories} current={input.category} />
      {list.products.length === 0 ? (
        <p>No product matches. Try another word or category.</p>
      ) : (
        <ul className={styles.products} aria-label="Products">
          {list.products.map((product) => (
            <ProductCard key={product.sku} product={product} />
          ))}
        </ul>
      )}
      <Pager
        page={input.page}
        hasNext={list.hasNext}
        href={(page) => catalogHref({ q: input.search, category: input.category, page })}
      />
    </>
  );
}
