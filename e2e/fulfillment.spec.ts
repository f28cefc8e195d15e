import { randomUUID } from 'node:crypto';
import { expect, test } from './fixtures/test';
import { eq } from 'drizzle-orm';
import { fulfillmentCenters, orderAllocations, orders } from '@/db/schema';
import { openLatestEmail, signInViaApi, switchUser } from './fixtures/auth';
import { pricedDemoProduct } from './fixtures/catalog';
import { createPerson, e2eDb } from './fixtures/db';
import { E2E_CRON_SECRET } from './fixtures/env';
import { openBeforeHydration } from './fixtures/hydration';
import { findInFulfillmentQueue, placeOrderViaApi, runJobViaCron } from './fixtures/orders';
import { menuLink } from './fixtures/menu';

const product = pricedDemoProduct();

/** The center an order was allocated at (the demo product is in stock at both; allocation picks one). */
async function centerOf(orderNumber: string) {
  const [row] = await e2eDb()
    .selectDistinct({ code: fulfillmentCenters.code, name: fulfillmentCenters.name })
    .from(orderAllocations)
    .innerJoin(orders, eq(orders.id, orderAllocations.orderId))
    .innerJoin(fulfillmentCenters, eq(fulfillmentCenters.id, orderAllocations.fulfillmentCenterId))
    .where(eq(orders.number, orderNumber));
  if (!row) throw new Error(`order ${orderNumber} has no allocation`);
  return row;
}

test('a clerk batches a released order, prints its pick ticket and packing slip, packs and ships it; the buyer gets the tracking', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // A buyer of their own, so the desktop and phone runs each follow their own order.
  const buyer = await createPerson({ organizationName: 'Northwind Traders', roles: ['buyer'] });
  await signInViaApi(page, buyer.email);
  const poNumber = `PO-${randomUUID().slice(0, 8).toUpperCase()}`;
  const order = await placeOrderViaApi(page, { lines: [{ sku: product.sku, quantity: 2 }], poNumber });
  expect(order.status).toBe('payment_authorized');

  await runJobViaCron(page, 'release-to-fulfillment', E2E_CRON_SECRET);
  const center = await centerOf(order.number);

  await switchUser(page, 'fulfillment@countersign.test');
  const main = page.getByRole('main');
  await page.goto('/staff');
  await (await menuLink(page, 'Staff menu', 'Fulfillment')).click();
  await expect(main.getByRole('heading', { level: 1 })).toHaveText('Fulfillment');

  // Other specs release orders too: find this one by its number in its center's queue.
  await findInFulfillmentQueue(page, center.code, order.number);
  await expect(main.getByRole('heading', { name: `Waiting at ${center.name} (${center.code})` })).toBeVisible();
  await main.getByRole('checkbox', { name: `Select order ${order.number}` }).check();
  await main.getByRole('button', { name: 'Create pick batch from 1 selected' }).click();
  await expect(page).toHaveURL(/\/staff\/fulfillment\/batches\/\d+/);
  await expect(main.getByRole('status')).toContainText('created with 1 order');
  const batchNumber = (await main.getByRole('heading', { level: 1 }).textContent())?.replace('Pick batch ', '') ?? '';
  const batchUrl = page.url().split('?')[0] ?? '';

  // The pick ticket: the SKU, its total and the order it is for; a print stylesheet hides the shell.
  await main.getByRole('link', { name: 'Pick ticket' }).click();
  await expect(main.getByRole('heading', { level: 1 })).toHaveText(`Pick ticket, batch ${batchNumber}`);
  const ticket = main.getByTestId('pick-ticket');
  const item = ticket.getByRole('row').filter({ hasText: product.sku });
  await expect(item).toContainText(product.name);
  await expect(item).toContainText(`${order.number} × 2`);
  await expect(ticket).toContainText(`${center.name} (${center.code})`);
  await expect(ticket).toContainText('Bin locations are not recorded');
  await expect(main.getByRole('button', { name: 'Print' })).toBeEnabled();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.app-header')).toBeHidden();
  await expect(main.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(ticket).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  // The packing slip: order, PO, items and quantities, and no price anywhere.
  await page.goto(batchUrl);
  await main.getByRole('link', { name: `Packing slip for ${order.number}` }).click();
  await expect(main.getByRole('heading', { level: 1 })).toHaveText(`Packing slip ${order.number}`);
  const slip = main.getByTestId('packing-slip');
  await expect(slip).toContainText(poNumber);
  await expect(slip).toContainText('Northwind Traders');
  await expect(slip.getByRole('row').filter({ hasText: product.sku }).getByRole('cell').nth(4)).toHaveText('2');
  await expect(slip).not.toContainText('$');

  // The batch's slips print together, one order per page.
  await page.goto(`${batchUrl}/packing-slips`);
  await expect(main.getByTestId('packing-slip')).toHaveCount(1);
  await expect(main.getByRole('button', { name: 'Print 1 packing slip' })).toBeEnabled();

  // Pack in two boxes. The first box's quantity is typed while the page is still loading, as on a
  // slow handheld: it must be the quantity packed, not the default.
  const release = await openBeforeHydration(page, batchUrl);
  const pack = main.getByRole('form', { name: `Pack order ${order.number}` });
  const quantity = pack.getByLabel(`Quantity of ${product.sku} to pack for ${order.number}`);
  await expect(quantity).toHaveValue('2');
  await quantity.fill('1');
  release();
  await pack.getByRole('button', { name: 'Create package' }).click();
  const orderSection = main.getByRole('region', { name: `Order ${order.number}` });
  await expect(orderSection.getByRole('status')).toContainText(`Package of 1 item packed for ${order.number}`);
  // The page reloads the order: the form for the rest comes with it.
  await expect(orderSection).toContainText('2 allocated · 1 packed');
  await expect(quantity).toHaveValue('1');
  await pack.getByRole('button', { name: 'Create package' }).click();
  await expect(orderSection).toContainText(`Every line of this order at ${center.code} is packed.`);

  const trackingNumbers = [1, 2].map(() => `1Z${randomUUID().replaceAll('-', '').slice(0, 16).toUpperCase()}`);
  for (const [index, trackingNumber] of trackingNumbers.entries()) {
    const confirm = main.getByRole('form', { name: `Confirm shipment of package ${index + 1} of ${order.number}` });
    await confirm.getByLabel('Carrier').fill('UPS');
    await confirm.getByLabel('Tracking number').fill(trackingNumber);
    await confirm.getByRole('button', { name: 'Confirm shipment' }).click();
    await expect(orderSection).toContainText(`with UPS, tracking ${trackingNumber}`);
  }
  const trackingNumber = trackingNumbers[1] ?? '';
  await expect(orderSection.getByRole('status')).toContainText(`Every line of ${order.number} has shipped`);
  await expect(main.getByTestId(`status-${order.number}`)).toHaveText('Order status: Shipped');

  // The buyer's email names the carrier and the tracking number.
  await openLatestEmail(page, buyer.email, `Order ${order.number} has shipped`);
  await expect(page.frameLocator('iframe.mail-frame').locator('body')).toContainText(trackingNumber);
});
