import { randomUUID } from 'node:crypto';
import { expect, test } from './fixtures/test';
import { openLatestEmail, signInViaApi } from './fixtures/auth';
import { pricedDemoProduct, usd } from './fixtures/catalog';
import { createPerson } from './fixtures/db';
import { placeOrderViaApi } from './fixtures/orders';
import { menuLink } from './fixtures/menu';

const product = pricedDemoProduct();
/** The first shipping method offered in US dollars (demo STANDARD). */
const STANDARD_SHIPPING_MINOR = 1_500;
/** The test provider's card whose payment needs review. */
const CARD_NEEDS_REVIEW = '4000000000009235';

test('a buyer finds an order, cancels it with a reason, reorders it, and orders again from a template', async ({
  page,
}) => {
  // A buyer of their own: the desktop and phone runs must not share orders, a cart or templates.
  const buyer = await createPerson({ organizationName: 'Northwind Traders', roles: ['buyer'], mayOrder: true });
  await signInViaApi(page, buyer.email);
  const poNumber = `PO-${randomUUID().slice(0, 8).toUpperCase()}`;
  // A card payment under review: other specs run the release job at any moment, and a confirmed
  // order could be released (and no longer canceled) before this one gets to cancel it.
  const placed = await placeOrderViaApi(page, {
    lines: [{ sku: product.sku, quantity: 2 }],
    poNumber,
    paymentMethod: 'card',
    cardNumber: CARD_NEEDS_REVIEW,
  });
  const main = page.getByRole('main');

  // Orders → the order page.
  await page.goto('/');
  await (await menuLink(page, 'Store menu', 'Orders', { exact: true })).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Orders');
  await main.getByLabel('Order or PO number').fill(poNumber);
  await main.getByRole('button', { name: 'Filter' }).click();
  await main.getByRole('link', { name: placed.number }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Order ${placed.number}`);
  await expect(main.getByTestId('order-status')).toHaveText('Payment under review');
  await expect(main.getByRole('link', { name: product.name })).toBeVisible();
  await expect(main.getByTestId('order-total')).toHaveText(
    usd(2 * product.northwindPriceMinor + STANDARD_SHIPPING_MINOR),
  );
  await expect(main.getByText(poNumber)).toBeVisible();

  // Cancel, with a reason and a confirmation.
  await main.getByRole('button', { name: 'Cancel order…' }).click();
  const cancel = main.getByRole('form', { name: 'Cancel the order' });
  await cancel.getByLabel('Reason (optional)').fill('Ordered the wrong size');
  await cancel.getByRole('button', { name: 'Yes, cancel the order' }).click();
  await expect(main.getByRole('status').filter({ hasText: `Order ${placed.number} is canceled.` })).toBeVisible();
  await expect(main.getByText('Canceled', { exact: true })).toBeVisible();
  await expect(main.getByText(`Canceled by ${buyer.name}: Ordered the wrong size`)).toBeVisible();
  await expect(main.getByRole('button', { name: 'Cancel order…' })).toHaveCount(0);

  await openLatestEmail(page, buyer.email, `Order ${placed.number} was canceled`);

  // Reorder: the products go back into the cart.
  await page.goto(`/orders/${placed.number}`);
  await main.getByRole('button', { name: 'Reorder' }).click();
  await expect(page).toHaveURL(/\/cart\?/);
  await expect(
    main.getByRole('status').filter({ hasText: `1 product from order ${placed.number} added to your cart` }),
  ).toBeVisible();
  const line = main.getByRole('listitem').filter({ hasText: product.sku });
  await expect(line.getByLabel(`Quantity of ${product.name}`)).toHaveValue('2');

  // Save the cart as a template, empty the cart, and fill it again from the template.
  const templateName = `Safety restock ${randomUUID().slice(0, 6)}`;
  await main.getByText('Save this cart as a template').click();
  const save = main.getByRole('form', { name: 'Save this cart as a template' });
  await save.getByLabel('Template name').fill(templateName);
  await save.getByRole('button', { name: 'Save as template' }).click();
  await expect(save.getByRole('status')).toContainText(`Saved as “${templateName}”.`);
  await main.getByRole('button', { name: 'Empty the cart' }).click();
  await expect(main.getByRole('heading', { name: 'Your cart is empty' })).toBeVisible();

  await (await menuLink(page, 'Store menu', 'Order templates')).click();
  await expect(main.getByRole('link', { name: templateName })).toBeVisible();
  await main.getByRole('button', { name: `Add “${templateName}” to the cart` }).click();
  await expect(page).toHaveURL(/\/cart\?/);
  await expect(
    main.getByRole('status').filter({ hasText: `1 product from template “${templateName}” added to your cart` }),
  ).toBeVisible();
  await expect(
    main.getByRole('listitem').filter({ hasText: product.sku }).getByLabel(`Quantity of ${product.name}`),
  ).toHaveValue('2');
});

test('a buyer sees no statement; the history shows an empty state to someone who has not ordered', async ({ page }) => {
  const buyer = await createPerson({ organizationName: 'Northwind Traders', roles: ['buyer'], mayOrder: true });
  await signInViaApi(page, buyer.email);
  await page.goto('/orders');
  await expect(page.getByRole('main').getByRole('heading', { name: 'No orders yet' })).toBeVisible();
  expect((await page.goto('/account/statement'))?.status()).toBe(403);
  await page.goto('/account');
  await expect(page.getByRole('main').getByRole('link', { name: 'Account credit and statement' })).toHaveCount(0);
});

test('the account manager reads the credit and statement page', async ({ page }) => {
  await signInViaApi(page, 'alice@northwind.test');
  await page.goto('/account');
  await page.getByRole('main').getByRole('link', { name: 'Account credit and statement' }).click();
  const main = page.getByRole('main');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Account credit and statement');
  await expect(main.getByRole('heading', { name: 'Available credit' })).toBeVisible();
  await expect(main.getByRole('table', { name: 'Invoiced orders' })).toBeVisible();
});
