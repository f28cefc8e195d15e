import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from './fixtures/test';
import { signInViaApi, switchUser } from './fixtures/auth';
import { pricedDemoProduct } from './fixtures/catalog';
import { createPerson } from './fixtures/db';
import { placeOrderViaApi } from './fixtures/orders';

/**
 * Issue 15's export journey on the phone and the desktop: a buyer narrows their orders, taps
 * "Export CSV" and gets a file a spreadsheet opens — a byte-order mark, the list's columns, and
 * exactly the rows the filter holds; staff export their order list the same way.
 */
const product = pricedDemoProduct();

/** Clicks the page's Export CSV link and reads the downloaded file as text, byte-order mark kept. */
async function exportCsv(page: Page): Promise<{ name: string; text: string }> {
  const link = page.getByRole('main').getByRole('link', { name: 'Export CSV' });
  const box = await link.boundingBox();
  expect(box?.height ?? 0, 'Export CSV is a thumb-sized target').toBeGreaterThanOrEqual(44);
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
}

const rowsOf = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');

test('a buyer exports the orders a filter holds, and staff export theirs', async ({ page }) => {
  const buyer = await createPerson({ organizationName: 'Northwind Traders', roles: ['buyer'], mayOrder: true });
  await signInViaApi(page, buyer.email);
  const poNumber = `PO-${randomUUID().slice(0, 8).toUpperCase()}`;
  const wanted = await placeOrderViaApi(page, { lines: [{ sku: product.sku, quantity: 1 }], poNumber });
  const other = await placeOrderViaApi(page, { lines: [{ sku: product.sku, quantity: 2 }] });

  await page.goto('/orders');
  const main = page.getByRole('main');
  await main.getByLabel('Order or PO number').fill(poNumber);
  await main.getByRole('button', { name: 'Filter' }).click();
  await expect(main.getByRole('link', { name: wanted.number })).toBeVisible();

  const filtered = await exportCsv(page);
  expect(filtered.name).toMatch(/^orders-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(filtered.text.startsWith('\uFEFF'), 'a byte-order mark, so a spreadsheet reads UTF-8').toBe(true);
  const [header, ...rows] = rowsOf(filtered.text);
  expect(header).toBe('Order,Placed at,Status,PO number,Items,Total,Currency');
  expect(rows).toHaveLength(1);
  expect(rows[0]).toContain(wanted.number);
  expect(rows[0]).toContain(poNumber);
  // ISO time in UTC, and an amount in major units beside its currency.
  expect(rows[0]).toMatch(/,\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z,/);
  expect(rows[0]).toMatch(/,\d+\.\d{2},USD$/);

  // Without the filter: both of the buyer's orders, newest first, as the list shows them.
  await page.goto('/orders');
  const all = rowsOf((await exportCsv(page)).text).slice(1);
  expect(all.map((row) => row.split(',')[0])).toEqual([other.number, wanted.number]);

  await switchUser(page, 'admin@countersign.test');
  await page.goto(`/staff/orders?${new URLSearchParams({ q: wanted.number })}`);
  await expect(page.getByRole('main').getByRole('row').filter({ hasText: wanted.number })).toBeVisible();
  const staff = await exportCsv(page);
  expect(staff.name).toMatch(/^staff-orders-/);
  const staffRows = rowsOf(staff.text).slice(1);
  expect(staffRows).toHaveLength(1);
  expect(staffRows[0]).toContain(wanted.number);
  expect(staffRows[0]).toContain('Northwind Traders');
});
