import { expect, test } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { orders } from '@/db/schema';
import { firstLoadJs, formatPageWeight } from '../bench/page-weight';
import { signInViaApi } from './fixtures/auth';
import { e2eDb } from './fixtures/db';
import { E2E_BASE_URL } from './fixtures/env';

/** Issue 6: the approval page, read on a phone, downloads at most 160 kB of JavaScript (gzip). */
const APPROVAL_PAGE_BUDGET_BYTES = 160_000;

test('the approval page’s first-load JavaScript stays within 160 kB gzip', async ({ page }, testInfo) => {
  // Bob's large order of the demo data waits for Paula (purchasing).
  const [order] = await e2eDb().select({ number: orders.number }).from(orders).where(eq(orders.poNumber, 'NW-4511'));
  if (!order) throw new Error('the demo order NW-4511 is missing');
  await signInViaApi(page, 'paula@northwind.test');
  const cookie = (await page.context().cookies()).map(({ name, value }) => `${name}=${value}`).join('; ');

  const path = `/authorizations/${order.number}`;
  const weight = await firstLoadJs(E2E_BASE_URL, path, cookie);
  await testInfo.attach('page-weight.txt', { body: formatPageWeight(path, weight), contentType: 'text/plain' });
  expect(weight.scripts.length).toBeGreaterThan(0);
  expect(weight.totalGzipBytes, formatPageWeight(path, weight)).toBeLessThanOrEqual(APPROVAL_PAGE_BUDGET_BYTES);
});
