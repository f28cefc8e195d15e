import { catalogHref, CategoryNav } from '@/components/catalog/category-nav';
import { ProductCard } from '@/components/catalog/product-card';
import styles from '@/components/catalog/catalog.module.css';
import { getMe } from '@/components/shell/me';
import { Pager } from '@/components/ui/pager';
import { catalogProductsSchema, type CatalogSort } from '@/server/schemas/catalog';
import { serverCaller } from '@/server/trpc/server';
import { firstParam, listInputFrom, pageParam, type SearchParams } from '@/server/schemas/list-params';

export const metadata = { title: 'Catalog' };

type Props = { searchParams: Promise<SearchParams> };

const SORT_LABELS: Record<CatalogSort, string> = {
  name: 'Name (A–Z)',
  price_asc: 'Price (low–high)',
  price_desc: 'Price (high–low)',
  newest: 'Newest',
};

export default async function CatalogPage({ searchParams }: Props) {
  const params = await searchParams;
  // A malformed address (an unknown sort, a page that is not a number) shows the default rather than an error.
  const { input } = listInputFrom(catalogProductsSchema, {
    search: firstParam(params.q),
    category: firstParam(params.category),
    sort: firstParam(params.sort),
    page: pageParam(params.page),
  });
  const api = await serverCaller();
  const [me, categories, list] = await Promise.all([getMe(), api.catalog.categories(), api.catalog.products(input)]);
  const permissions = me?.membership?.permissions ?? [];
  // As on a product page: only a member who may place orders gets quantity and Add to cart.
  const mayOrder = permissions.includes('orders.place');
  const sorts = (Object.keys(SORT_LABELS) as CatalogSort[]).filter(
    (sort) => permissions.includes('prices.view') || !sort.startsWith('price'),
  );
  const found = `${list.total.toLocaleString('en-US')} ${list.total === 1 ? 'product' : 'products'}`;
  return (
    <>
      <h1>Catalog</h1>
      <p className={styles.count}>
        {input.search ? `${found} matching “${input.search}”` : found}
        {input.category ? ` in ${input.category}` : ''}.
      </p>
      <form className={styles.tools} role="search" aria-label="Search the catalog" action="/catalog">
        {input.category && <input type="hidden" name="category" value={input.category} />}
        <div className={styles.searchField}>
          <label htmlFor="catalog-q">Search by name or SKU</label>
          <input id="catalog-q" name="q" type="search" defaultValue={input.search} maxLength={100} />
        </div>
        <div className={styles.sortField}>
          <label htmlFor="catalog-sort">Sort by</label>
          <select id="catalog-sort" name="sort" defaultValue={list.sort}>
            {sorts.map((sort) => (
              <option key={sort} value={sort}>
                {SORT_LABELS[sort]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          Search
        </button>
      </form>
      <CategoryNav categories={categories} current={input.category} sort={list.sort} />
      {list.products.length === 0 ? (
        <p>No product matches. Try another word or category.</p>
      ) : (
        <ul className={styles.products} aria-label="Products">
          {list.products.map((product) => (
            <ProductCard key={product.sku} product={product} mayOrder={mayOrder} />
          ))}
        </ul>
      )}
      <Pager
        page={input.page}
        pageCount={list.pageCount}
        hasNext={list.hasNext}
        href={(page) => catalogHref({ q: input.search, category: input.category, sort: list.sort, page })}
      />
    </>
  );
}
