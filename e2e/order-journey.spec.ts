import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from './fixtures/test';
import { eq } from 'drizzle-orm';
import { fulfillmentCenters, orderAllocations, orders } from '@/db/schema';
import { openLatestEmail, signInViaApi, switchUser } from './fixtures/auth';
import { pricedDemoProduct, usd } from './fixtures/catalog';
import { createPerson, e2eDb } from './fixtures/db';
import { E2E_CRON_SECRET } from './fixtures/env';
import { findInFulfillmentQueue, runJobViaCron } from './fixtures/orders';

const product = pricedDemoProduct();

async function centerCodeOf(orderNumber: string) {
  const [row] = await e2eDb()
    .selectDistinct({ code: fulfillmentCenters.code })
    .from(orderAllocations)
    .innerJoin(orders, eq(orders.id, orderAllocations.orderId))
    .innerJoin(fulfillmentCenters, eq(fulfillmentCenters.id, orderAllocations.fulfillmentCenterId))
    .where(eq(orders.number, orderNumber));
  if (!row) throw new Error(`order ${orderNumber} has no allocation`);
  return row.code;
}

/** The fulfillment clerk batches the order at its center, opens its papers, packs it and ships it. */
async function shipAsClerk(page: Page, orderNumber: string, trackingNumber: string) {
  const center = await centerCodeOf(orderNumber);
  const main = page.getByRole('main');
  await switchUser(page, 'fulfillment@countersign.test');
  await page.goto('/staff/fulfillment');
  await findInFulfillmentQueue(page, center, orderNumber);
  await main.getByRole('checkbox', { name: `Select order ${orderNumber}` }).check();
  await main.getByRole('button', { name: 'Create pick batch from 1 selected' }).click();
  await expect(page).toHaveURL(/\/staff\/fulfillment\/batches\/\d+/);
  const batchUrl = page.url().split('?')[0] ?? '';

  await main.getByRole('link', { name: 'Pick ticket' }).click();
  await expect(main.getByTestId('pick-ticket').getByRole('row').filter({ hasText: product.sku })).toContainText(
    `${orderNumber} × 3`,
  );
  await page.goto(batchUrl);
  await main.getByRole('link', { name: `Packing slip for ${orderNumber}` }).click();
  await expect(main.getByTestId('packing-slip')).toContainText(product.name);
  await page.goto(batchUrl);

  await main
    .getByRole('form', { name: `Pack order ${orderNumber}` })
    .getByRole('button', { name: 'Create package' })
    .click();
  const confirm = main.getByRole('form', { name: `Confirm shipment of package 1 of ${orderNumber}` });
  await confirm.getByLabel('Carrier').fill('UPS');
  await confirm.getByLabel('Tracking number').fill(trackingNumber);
  await confirm.getByRole('button', { name: 'Confirm shipment' }).click();
  await expect(main.getByTestId(`status-${orderNumber}`)).toHaveText('Order status: Shipped');
}

test('a buyer orders on account through the store; it is released, picked, packed, shipped with tracking, and paid', async ({
  page,
}) => {
  test.setTimeout(150_000);
  // A buyer of their own: the desktop and phone runs follow separate orders.
  const buyer = await createPerson({ organizationName: 'Northwind Traders', roles: ['buyer'] });
  await signInViaApi(page, buyer.email);
  const main = page.getByRole('main');

  // Catalog → cart → checkout, as a person does it.
  await page.goto(`/catalog/${product.sku}`);
  const add = main.getByRole('form', { name: `Add ${product.name} to the cart` });
  await add.getByLabel('Quantity').fill('3');
  await add.getByRole('button', { name: 'Add to cart' }).click();
  await expect(add.getByRole('status')).toContainText(`Added 3 × ${product.name}.`);
  await page.goto('/cart');
  await main.getByRole('link', { name: 'Go to checkout' }).click();

  const checkout = main.getByRole('form', { name: 'Checkout' });
  await expect(checkout.getByTestId('checkout-totals')).toContainText(usd(3 * product.northwindPriceMinor));
  await expect(checkout.getByRole('group', { name: 'Ship to' }).getByRole('radio').first()).toBeChecked();
  await checkout
    .getByRole('group', { name: 'Shipping method' })
    .getByLabel(/Standard ground/)
    .check();
  await checkout
    .getByRole('group', { name: 'Payment' })
    .getByLabel(/Bill me \(on account\)/)
    .check();
  await expect(checkout).toContainText('This order needs no approval');
  const poNumber = `PO-${randomUUID().slice(0, 8).toUpperCase()}`;
  await checkout.getByLabel('Your PO number (optional)').fill(poNumber);
  await checkout.getByRole('button', { name: 'Place order' }).click();

  await expect(page).toHaveURL(/\/orders\/CS-\d+\?placed=1$/);
  await expect(main.getByRole('status')).toContainText('is placed. It is confirmed and goes to our warehouse next.');
  const orderNumber = (await main.getByRole('heading', { level: 1 }).textContent())?.replace('Order ', '') ?? '';
  await expect(main.getByTestId('order-status')).toHaveText(/^(Confirmed|Released to fulfillment)$/);
  await openLatestEmail(page, buyer.email, `We received your order ${orderNumber}`);

  // The release job through its cron route, then the warehouse.
  await runJobViaCron(page, 'release-to-fulfillment', E2E_CRON_SECRET);
  const trackingNumber = `1Z${randomUUID().replaceAll('-', '').slice(0, 16).toUpperCase()}`;
  await shipAsClerk(page, orderNumber, trackingNumber);

  // The buyer sees it shipped with the tracking number, and has the email.
  await switchUser(page, buyer.email);
  await page.goto(`/orders/${orderNumber}`);
  await expect(main.getByTestId('order-status')).toHaveText('Shipped');
  await expect(main.getByRole('region', { name: 'Shipments' })).toContainText(trackingNumber);
  await openLatestEmail(page, buyer.email, `Order ${orderNumber} has shipped`);
  await expect(page.frameLocator('iframe.mail-frame').locator('body')).toContainText(trackingNumber);

  // The balance-payments job invoices the bill-me order: paid.
  await runJobViaCron(page, 'balance-payments', E2E_CRON_SECRET);
  await page.goto(`/orders/${orderNumber}`);
  await expect(main.getByTestId('order-status')).toHaveText('Paid');
  await expect(main.getByRole('region', { name: 'History' })).toContainText('Paid');
});
