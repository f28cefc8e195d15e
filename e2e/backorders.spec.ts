import { eq } from 'drizzle-orm';
import { expect, test } from './fixtures/test';
import { priceListPrices, priceLists, products } from '@/db/schema';
import { openLatestEmail, signInViaApi, switchUser } from './fixtures/auth';
import { freshCatalogNames } from './fixtures/catalog';
import { createPerson, e2eDb } from './fixtures/db';
import { E2E_CRON_SECRET } from './fixtures/env';
import { placeOrderViaApi, runJobViaCron } from './fixtures/orders';

/** A product of this test alone, priced for Northwind (Preferred USD) and with no stock anywhere. */
async function emptyShelfProduct() {
  const fresh = freshCatalogNames();
  const db = e2eDb();
  const [list] = await db.select().from(priceLists).where(eq(priceLists.name, 'Preferred USD'));
  if (!list) throw new Error('the demo data has no Preferred USD price list');
  const [product] = await db
    .insert(products)
    .values({ sku: fresh.sku, name: fresh.name, category: fresh.category, unit: 'each' })
    .returning();
  if (!product) throw new Error('product insert failed');
  await db.insert(priceListPrices).values({ priceListId: list.id, productId: product.id, unitPriceMinor: 4_200 });
  return product;
}

test('an order short of stock is backordered, and confirmed by the process-backorders job once staff receive stock', async ({
  page,
}) => {
  const product = await emptyShelfProduct();
  const buyer = await createPerson({ organizationName: 'Northwind Traders', roles: ['buyer'] });
  await signInViaApi(page, buyer.email);
  const placed = await placeOrderViaApi(page, { lines: [{ sku: product.sku, quantity: 3 }] });
  expect(placed.status).toBe('backordered');
  await openLatestEmail(page, buyer.email, `We received your order ${placed.number}`);
  await expect(page.frameLocator('iframe.mail-frame').locator('body')).toContainText('Its status: Backordered.');

  await switchUser(page, 'admin@countersign.test');
  const main = page.getByRole('main');
  await page.goto(`/staff/orders?${new URLSearchParams({ q: placed.number })}`);
  const row = main.getByRole('row').filter({ hasText: placed.number });
  await expect(row).toContainText('Backordered');
  await row.getByRole('link', { name: placed.number }).click();
  await expect(main.getByTestId('order-status')).toHaveText('Backordered');
  await expect(main.getByRole('region', { name: 'Stock allocated' })).toContainText(
    'No stock is allocated to this order yet',
  );

  await page.goto(`/staff/catalog/${product.sku}`);
  const receipt = main.getByRole('form', { name: 'Record received stock at EAST' });
  await receipt.getByLabel('Quantity received at EAST').fill('3');
  await receipt.getByRole('button', { name: 'Record receipt' }).click();
  await expect(main.getByRole('status')).toContainText('Recorded 3 received at EAST: 3 on hand, 3 available.');

  const run = (await runJobViaCron(page, 'process-backorders', E2E_CRON_SECRET)) as {
    status: string;
    result: { allocated: number };
  };
  expect(run.status).toBe('succeeded');
  expect(run.result.allocated).toBeGreaterThanOrEqual(1);

  await page.goto(`/staff/orders/${placed.number}`);
  const history = main.getByRole('list', { name: 'History' });
  await expect(history).toContainText('Backordered → Confirmed');
  // Another spec may run the release job at any moment; until then the order stands at Confirmed.
  await expect(main.getByTestId('order-status')).toHaveText(/^(Confirmed|Released to fulfillment)$/);
  await expect(main.getByRole('region', { name: 'Stock allocated' })).toContainText(`3 × ${product.sku}`);
});
