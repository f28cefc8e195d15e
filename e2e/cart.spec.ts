import { expect, test } from './fixtures/test';
import { signInViaApi, switchUser } from './fixtures/auth';
import { pricedDemoProduct, usd } from './fixtures/catalog';
import { createPerson } from './fixtures/db';
import { E2E_BASE_URL } from './fixtures/env';
import { openBeforeHydration } from './fixtures/hydration';
import { menuLink } from './fixtures/menu';

const product = pricedDemoProduct();

test('a buyer adds from the product page and by quick order, and the cart totals at the contract price', async ({
  page,
}) => {
  // A buyer of their own: the desktop and phone runs must not share a cart.
  const buyer = await createPerson({ organizationName: 'Northwind Traders', roles: ['buyer'] });
  await signInViaApi(page, buyer.email);
  const main = page.getByRole('main');

  await page.goto(`/catalog/${product.sku}`);
  const order = main.getByRole('form', { name: `Add ${product.name} to the cart` });
  await order.getByLabel('Quantity').fill('2');
  await order.getByRole('button', { name: 'Add to cart' }).click();
  await expect(order.getByRole('status')).toContainText(`Added 2 × ${product.name}.`);

  await (await menuLink(page, 'Store menu', 'Cart')).click();
  await main.getByLabel('SKUs and quantities').fill(`${product.sku} 1\nNOPE-404 3`);
  await main.getByRole('button', { name: 'Add to cart' }).click();
  await expect(main.getByRole('alert')).toContainText('Line 2: There is no product NOPE-404 in the catalog.');
  const line = main.getByRole('listitem').filter({ hasText: product.sku });
  await expect(line.getByLabel(`Quantity of ${product.name}`)).toHaveValue('3');
  await expect(main.getByTestId('cart-subtotal')).toHaveText(`Subtotal: ${usd(3 * product.northwindPriceMinor)}`);
});

test('a quantity typed while the product page is still loading is the quantity added', async ({ page }) => {
  const buyer = await createPerson({ organizationName: 'Northwind Traders', roles: ['buyer'] });
  await signInViaApi(page, buyer.email);
  const release = await openBeforeHydration(page, `/catalog/${product.sku}`);
  const order = page.getByRole('main').getByRole('form', { name: `Add ${product.name} to the cart` });
  await order.getByLabel('Quantity').fill('7');
  release();
  await order.getByRole('button', { name: 'Add to cart' }).click();
  await expect(order.getByRole('status')).toContainText(`Added 7 × ${product.name}.`);
  await page.goto('/cart');
  await expect(page.getByRole('main').getByLabel(`Quantity of ${product.name}`)).toHaveValue('7');
});

test('a member who may not see prices has a cart without any price; one who may not order has none', async ({
  page,
}) => {
  await switchUser(page, 'wendy@northwind.test');
  await page.goto(`/catalog/${product.sku}`);
  await page.getByRole('main').getByRole('button', { name: 'Add to cart' }).click();
  await page.goto('/cart');
  await expect(page.getByRole('main').getByRole('listitem').filter({ hasText: product.sku })).toBeVisible();
  await expect(page.getByTestId('cart-subtotal')).toHaveCount(0);
  const api = await page.request.get('/api/trpc/cart.get');
  expect(await api.text()).not.toMatch(/"(price|unitPriceMinor|lineTotalMinor|subtotal)"/);

  await switchUser(page, 'victor@northwind.test');
  await page.goto('/');
  await expect(page.getByRole('navigation', { name: 'Store menu' }).locator('a[href="/cart"]')).toHaveCount(0);
  expect((await page.goto('/cart'))?.status()).toBe(403);
  const refused = await page.request.post('/api/trpc/cart.add', {
    headers: { origin: E2E_BASE_URL },
    data: { json: { sku: product.sku, quantity: 1 } },
  });
  expect(refused.status()).toBe(403);
});
