import Link from 'next/link';
import styles from './catalog.module.css';

export const catalogHref = (query: { q?: string; category?: string; page?: number }) => {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.category) params.set('category', query.category);
  if (query.page && query.page > 1) params.set('page', String(query.page));
  const text = params.toString();
  return text ? `/catalog?${text}` : '/catalog';
};

/** Browsing by category: every category with its number of products; the current one is marked. */
export function CategoryNav({
  categories,
  current,
}: {
  categories: { name: string; productCount: number }[];
  current?: string;
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
                href={catalogHref({ category: item.value })}
                className={`button button-small${selected ? ' button-primary' : ''}`}
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
