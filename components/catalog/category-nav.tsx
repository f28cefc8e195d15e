import Link from 'next/link';
import type { CatalogSort } from '@/server/schemas/catalog';
import styles from './catalog.module.css';

/** A catalog address; the default sort and the first page are left out. */
export const catalogHref = (query: { q?: string; category?: string; sort?: CatalogSort; page?: number }) => {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.category) params.set('category', query.category);
  if (query.sort && query.sort !== 'name') params.set('sort', query.sort);
  if (query.page && query.page > 1) params.set('page', String(query.page));
  const text = params.toString();
  return text ? `/catalog?${text}` : '/catalog';
};

/**
 * Browsing by category: every category with its number of products; the current one is marked.
 * On a phone the row scrolls sideways inside its own box, never the page.
 */
export function CategoryNav({
  categories,
  current,
  sort,
}: {
  categories: { name: string; productCount: number }[];
  current?: string;
  sort?: CatalogSort;
}) {
  const total = categories.reduce((sum, category) => sum + category.productCount, 0);
  const items = [
    { name: 'All categories', value: undefined, productCount: total },
    ...categories.map((category) => ({ ...category, value: category.name })),
  ];
  return (
    <nav className={styles.categories} aria-label="Categories">
      <ul>
        {items.map((item) => {
          const selected = item.value === current;
          return (
            <li key={item.name}>
              <Link
                href={catalogHref({ category: item.value, sort })}
                className={`button button-small ${styles.chip}${selected ? ' button-primary' : ''}`}
                aria-current={selected ? 'page' : undefined}
              >
                {item.name} ({item.productCount})
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
