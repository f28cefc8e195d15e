import { expect, test } from './fixtures/test';
import { eq } from 'drizzle-orm';
import { orders } from '@/db/schema';
import { firstLoadJs, formatPageWeight } from '../bench/page-weight';
import { signInViaApi } from './fixtures/auth';
import { e2eDb } from './fixtures/db';
import { E2E_BASE_URL } from './fixtures/env';

/**
 * First-load JavaScript (gzip, as served) of the pages read most on a phone: the approval page and
 * the inbox at most 160 kB (issue 6), the catalog with its cards and Add to cart at most 180 kB
 * (issue 11).
 */
const BUDGETS: { page: string; person: string; path: () => Promise<string>; budgetBytes: number }[] = [
  {
    page: 'the approval page',
    person: 'paula@northwind.test',
    path: async () => {
      // Bob's large order of the demo data waits for Paula (purchasing).
      const [order] = await e2eDb()
        .select({ number: orders.number })
        .from(orders)
        .where(eq(orders.poNumber, 'NW-4511'));
      if (!order) throw new Error('the demo order NW-4511 is missing');
      return `/authorizations/${order.number}`;
    },
    budgetBytes: 160_000,
  },
  { page: 'the inbox', person: 'paula@northwind.test', path: async () => '/authorizations', budgetBytes: 160_000 },
  { page: 'the catalog', person: 'bob@northwind.test', path: async () => '/catalog', budgetBytes: 180_000 },
];

for (const budget of BUDGETS) {
  test(`${budget.page}’s first-load JavaScript stays within ${budget.budgetBytes / 1000} kB gzip`, async ({
    page,
  }, testInfo) => {
    await signInViaApi(page, budget.person);
    const cookie = (await page.context().cookies()).map(({ name, value }) => `${name}=${value}`).join('; ');
    const path = await budget.path();
    const weight = await firstLoadJs(E2E_BASE_URL, path, cookie);
    await testInfo.attach('page-weight.txt', { body: formatPageWeight(path, weight), contentType: 'text/plain' });
    expect(weight.scripts.length).toBeGreaterThan(0);
    expect(weight.totalGzipBytes, formatPageWeight(path, weight)).toBeLessThanOrEqual(budget.budgetBytes);
  });
}
