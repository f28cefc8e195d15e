import { expect, test, type Page } from './fixtures/test';
import { signInViaApi } from './fixtures/auth';

/**
 * Each count on the staff dashboard equals the rows of the list its card links to: follow the
 * link and count, page after page. Other specs place orders meanwhile, so each comparison is
 * retried until a dashboard read and a list read agree (a count that is wrong never does).
 */
const QUEUES = [
  { key: 'registrations', rows: (page: Page) => tableRows(page, page.getByRole('main').locator('table').first()) },
  {
    key: 'paymentReviews',
    rows: (page: Page) =>
      page.getByRole('list', { name: 'Orders waiting for a payment review' }).locator(':scope > li').count(),
  },
  { key: 'toRelease', rows: (page: Page) => tableRows(page, page.getByRole('table', { name: 'Orders' })) },
  { key: 'backorders', rows: (page: Page) => tableRows(page, page.getByRole('table', { name: 'Orders' })) },
  {
    key: 'batchesInProgress',
    rows: (page: Page) => tableRows(page, page.getByRole('table', { name: 'Pick batches' })),
  },
  { key: 'failedEmails', rows: (page: Page) => tableRows(page, page.getByRole('table', { name: 'Emails' })) },
  { key: 'failedCaptures', rows: (page: Page) => tableRows(page, page.getByRole('table', { name: 'Orders' })) },
] as const;

/** The table's data rows (not its "nothing here" row). */
async function tableRows(_page: Page, table: ReturnType<Page['locator']>): Promise<number> {
  return table.locator('tbody tr:not(:has(td[colspan]))').count();
}

/** The rows of every page of the list, following its "Next" link. */
async function rowsOfAllPages(page: Page, count: (page: Page) => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    total += await count(page);
    const next = page.getByRole('link', { name: 'Next →' });
    if ((await next.count()) === 0) return total;
    await next.click();
    await page.waitForLoadState();
  }
}

test('every count on the staff dashboard equals the rows of the list its card links to', async ({ page }) => {
  await signInViaApi(page, 'admin@countersign.test');
  for (const queue of QUEUES) {
    await expect(async () => {
      await page.goto('/staff');
      const card = page.getByTestId(`queue-${queue.key}`);
      await expect(card).toBeVisible({ timeout: 2_000 });
      const shown = Number(await card.getByTestId('queue-count').textContent());
      await card.click();
      await page.waitForURL((url) => url.pathname !== '/staff');
      expect(await rowsOfAllPages(page, queue.rows), queue.key).toBe(shown);
    }).toPass({ timeout: 30_000 });
  }
});

test('a queue with work waiting is emphasised, an empty one is calm', async ({ page }) => {
  await signInViaApi(page, 'admin@countersign.test');
  await page.goto('/staff');
  const cards = page.getByRole('list', { name: 'Work waiting' }).getByRole('link');
  await expect(cards).toHaveCount(QUEUES.length);
  for (const card of await cards.all()) {
    const count = Number(await card.getByTestId('queue-count').textContent());
    const emphasis = await card.getAttribute('data-emphasis');
    if (count === 0) expect(emphasis).toBe('calm');
    else expect(emphasis).toMatch(/^(attention|alarm)$/);
  }
});
