import { expect, test, type Page } from './fixtures/test';
import { signInViaApi, switchUser } from './fixtures/auth';
import { pricedDemoProduct } from './fixtures/catalog';
import { spendingLimit } from './fixtures/approvals';
import { createPerson } from './fixtures/db';
import { placeOrderViaApi, trpc } from './fixtures/orders';

const NORTHWIND = 'Northwind Traders';
const product = pricedDemoProduct();

const top = async (page: Page, testId: string) => (await page.getByTestId(testId).boundingBox())?.y ?? Infinity;

async function expectNoSidewaysScroll(page: Page) {
  const { scroll, viewport } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
  }));
  expect(scroll).toBeLessThanOrEqual(viewport);
}

test('a buyer’s home: search first, the cart, recent orders with status and Reorder, spend against the monthly limit', async ({
  page,
}) => {
  const authorizer = await createPerson({
    organizationName: NORTHWIND,
    roles: ['authorizer'],
    mayOrder: false,
    mayAuthorizeOrders: true,
  });
  const buyer = await createPerson({ organizationName: NORTHWIND, roles: ['buyer'], hasLimitedBudget: true });
  await spendingLimit(buyer, 1_000_000, 'month', [authorizer]);
  await signInViaApi(page, buyer.email);
  const placed = await placeOrderViaApi(page, { lines: [{ sku: product.sku, quantity: 1 }] });
  await trpc(page, 'cart.add', { sku: product.sku, quantity: 2 });

  await page.goto('/');
  const main = page.getByRole('main');
  await expect(main.getByRole('region', { name: 'What you can do here' })).toHaveCount(0);

  const search = main.getByRole('search', { name: 'Search the catalog' });
  await expect(search).toBeVisible();
  const box = await search.getByRole('searchbox').boundingBox();
  expect(box?.height).toBeGreaterThanOrEqual(44);

  const cart = page.getByTestId('home-cart');
  await expect(cart).toContainText('1 product, 2 items');
  await expect(page.getByTestId('home-cart-total')).toHaveText(/^\$[\d,]+\.\d\d$/);
  await expect(cart.getByRole('link', { name: 'Go to the cart' })).toHaveAttribute('href', '/cart');

  const orders = page.getByTestId('home-orders');
  await expect(orders.getByRole('link', { name: placed.number })).toBeVisible();
  await expect(orders).toContainText(/Confirmed|Backordered|Released to fulfillment|Waiting for approval/);
  await expect(orders.getByRole('button', { name: `Reorder ${placed.number}` })).toBeVisible();

  const spend = page.getByTestId('home-spend');
  await expect(spend.getByTestId('home-spent')).toHaveText(/^\$[\d,]+\.\d\d$/);
  await expect(spend).toContainText('left of your monthly limit of $10,000.00');
  await expect(spend.getByRole('meter')).toBeVisible();

  // Search first, then the cart, then the orders: on a phone one column in that order.
  expect((await search.boundingBox())?.y ?? Infinity).toBeLessThan(await top(page, 'home-cart'));
  if (test.info().project.name === 'phone') {
    expect(await top(page, 'home-cart')).toBeLessThan(await top(page, 'home-orders'));
    await expectNoSidewaysScroll(page);
  }

  await orders.getByRole('button', { name: `Reorder ${placed.number}` }).click();
  await page.waitForURL(/\/cart\?/);
  expect(new URL(page.url()).searchParams.get('refilled')).toBe(`order ${placed.number}`);

  await page.goto('/');
  await search.getByRole('searchbox').fill('glove');
  await search.getByRole('button', { name: 'Search' }).click();
  await page.waitForURL(/\/catalog\?q=glove/);
});

test('an authorizer’s home shows the orders waiting for them first, each linking to its approval page', async ({
  page,
}) => {
  const authorizer = await createPerson({
    organizationName: NORTHWIND,
    roles: ['authorizer'],
    mayOrder: false,
    mayAuthorizeOrders: true,
  });
  const requester = await createPerson({ organizationName: NORTHWIND, roles: ['buyer'], hasLimitedBudget: true });
  await spendingLimit(requester, 500, 'order', [authorizer]);
  await signInViaApi(page, requester.email);
  const placed = await placeOrderViaApi(page, { lines: [{ sku: product.sku, quantity: 1 }] });
  expect(placed.status).toBe('pending_approval');

  await switchUser(page, authorizer.email);
  await page.goto('/');
  const waiting = page.getByTestId('home-waiting');
  await expect(waiting.getByRole('heading', { name: 'Waiting for your approval' })).toBeVisible();
  await expect(page.getByTestId('home-waiting-count')).toHaveText('1');
  // Nothing to order with: no cart, templates or spend for this authorizer.
  await expect(page.getByTestId('home-cart')).toHaveCount(0);
  await expect(page.getByTestId('home-spend')).toHaveCount(0);
  if (test.info().project.name === 'phone') {
    // What needs action comes right after the search, in the first screen.
    const box = await waiting.boundingBox();
    expect((box?.y ?? Infinity) + 60).toBeLessThan(844);
    await expectNoSidewaysScroll(page);
  }
  await waiting.getByRole('link', { name: placed.number }).click();
  await page.waitForURL(`**/authorizations/${placed.number}`);
});

test('an account manager’s home links to joining requests and invited members', async ({ page }) => {
  await signInViaApi(page, 'alice@northwind.test');
  await page.goto('/');
  const people = page.getByTestId('home-people');
  await expect(people.getByRole('link', { name: 'Joining requests waiting' })).toHaveAttribute(
    'href',
    '/admin/joining',
  );
  await expect(people.getByRole('link', { name: 'Invited, no password yet' })).toHaveAttribute(
    'href',
    '/admin/members?status=invited',
  );
  await expect(page.getByTestId('home-joining')).toHaveText(/^\d+$/);
});
