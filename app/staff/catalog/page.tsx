import Link from 'next/link';
import { ProductPicture } from '@/components/catalog/product-picture';
import { Pager } from '@/components/ui/pager';
import { FilterSelect, SearchField, SearchForm } from '@/components/ui/search-form';
import { PRODUCT_STATUSES, staffProductListSchema } from '@/server/schemas/catalog';
import { serverCaller } from '@/server/trpc/server';
import styles from './catalog-list.module.css';
import { firstParam, listInputFrom, pageParam, type SearchParams } from '@/server/schemas/list-params';

export const metadata = { title: 'Catalog' };

type Props = { searchParams: Promise<SearchParams> };

export default async function StaffCatalogPage({ searchParams }: Props) {
  const params = await searchParams;
  // Unknown or malformed filters are dropped rather than answered with an error page.
  const { input } = listInputFrom(staffProductListSchema, {
    search: firstParam(params.q),
    category: firstParam(params.category),
    status: firstParam(params.status),
    page: pageParam(params.page),
  });
  const api = await serverCaller();
  const [list, options] = await Promise.all([api.staffCatalog.products(input), api.staffCatalog.options()]);
  const query = { q: input.search, category: input.category, status: input.status };
  const href = (page: number) =>
    `/staff/catalog?${new URLSearchParams({ ...(Object.fromEntries(Object.entries(query).filter(([, value]) => value)) as Record<string, string>), page: String(page) })}`;
  return (
    <>
      <h1>Catalog</h1>
      <p className="lede">
        {list.total.toLocaleString('en-US')} {list.total === 1 ? 'product' : 'products'} found. Open a product to edit
        it, set its prices per list and record stock.
      </p>
      <SearchForm label="Find products" action="/staff/catalog" submitLabel="Filter">
        <SearchField
          id="staff-catalog-q"
          name="q"
          type="search"
          label="SKU or name"
          defaultValue={input.search}
          maxLength={100}
        />
        <FilterSelect
          id="staff-catalog-category"
          name="category"
          label="Category"
          defaultValue={input.category}
          anyLabel="Any category"
          options={options.categories.map((category) => ({ value: category, label: category }))}
        />
        <FilterSelect
          id="staff-catalog-status"
          name="status"
          label="Status"
          defaultValue={input.status}
          anyLabel="Active and inactive"
          options={PRODUCT_STATUSES.map((status) => ({
            value: status,
            label: status === 'active' ? 'Active' : 'Inactive',
          }))}
        />
      </SearchForm>
      <div className="table-wrap">
        <table className="stack">
          <caption className="skip-link">Products</caption>
          <thead>
            <tr>
              <th scope="col">SKU</th>
              <th scope="col">Name</th>
              <th scope="col">Category</th>
              <th scope="col">Unit</th>
              <th scope="col">Status</th>
              <th scope="col">On hand</th>
              <th scope="col">Available</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.length === 0 && (
              <tr>
                <td colSpan={7}>No product matches.</td>
              </tr>
            )}
            {list.rows.map((row) => (
              <tr key={row.id}>
                <td data-label="SKU">
                  <Link href={`/staff/catalog/${encodeURIComponent(row.sku)}`}>{row.sku}</Link>
                </td>
                <td data-label="Name">
                  <span className={styles.named}>
                    <ProductPicture pictureKey={row.pictureKey} name={row.name} size={48} />
                    {row.name}
                  </span>
                </td>
                <td data-label="Category">{row.category}</td>
                <td data-label="Unit">{row.unit}</td>
                <td data-label="Status">
                  <span className={`badge ${row.active ? 'badge-good' : ''}`}>
                    {row.active ? 'Active' : 'Inactive'}
                  </span>
                </td>
                <td data-label="On hand">{row.onHand.toLocaleString('en-US')}</td>
                <td data-label="Available">{row.available.toLocaleString('en-US')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager page={input.page} hasNext={list.hasNext} href={href} />
    </>
  );
}
