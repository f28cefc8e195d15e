import { expect, test, type Locator } from './fixtures/test';
import { discountedMinor } from '@/server/domain/catalog/pricing';
import { demoCatalog } from '@/server/launch/seed/catalog-demo';
import { signInViaApi } from './fixtures/auth';
import { NORTHWIND_DISCOUNT_BASIS_POINTS } from './fixtures/catalog';
import { createPerson } from './fixtures/db';

/** The first screen of a 390 × 844 phone. */
const PHONE = { width: 390, height: 844 };

/** The dearest price a Northwind buyer sees among the seeded products. */
const dearestDemoMinor = Math.max(
  ...demoCatalog().flatMap((product) => {
    const preferred = product.prices['Preferred USD'];
    return product.active && preferred ? [discountedMinor(preferred, NORTHWIND_DISCOUNT_BASIS_POINTS)] : [];
  }),
);

/** "$1,234.50" → 123450. */
const minorOf = (text: string) => Math.round(Number(text.replace(/[^0-9.]/g, '')) * 100);

async function shownPrices(cards: Locator): Promise<number[]> {
  const texts = await cards.locator('strong').allTextContents();
  return texts.filter((text) => text.includes('$')).map(minorOf);
}

// Both projects run it at the phone's size: the first screen is what is measured.
test.describe('the catalog list as cards on a phone', () => {
  test.use({ viewport: PHONE });

  test('a buyer sees products in the first screen, adds 3 from a card, and finds them in the cart', async ({
    page,
  }) => {
    // A buyer of their own: the two projects must not share a cart.
    const buyer = await createPerson({ organizationName: 'Northwind Traders', roles: ['buyer'] });
    await signInViaApi(page, buyer.email);
    await page.goto('/catalog');
    const main = page.getByRole('main');
    await expect(main.getByRole('navigation', { name: 'Pages' })).toContainText(/Page 1 of \d+/);

    const card = main.getByRole('list', { name: 'Products' }).getByRole('listitem').first();
    await expect(card).toBeVisible();
    const box = await card.boundingBox();
    expect(box?.y ?? Infinity).toBeLessThan(PHONE.height);
    // Never sideways: the category row scrolls inside its own box.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    const name = (await card.getByRole('heading', { level: 2 }).textContent())?.trim() ?? '';
    expect(name).not.toBe('');
    const order = card.getByRole('form', { name: `Add ${name} to the cart` });
    const quantity = order.getByLabel('Quantity');
    expect((await quantity.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
    await quantity.fill('3');
    await order.getByRole('button', { name: 'Add to cart' }).click();
    await expect(order.getByRole('status')).toContainText(`Added 3 × ${name}.`);

    await order.getByRole('link', { name: 'Open the cart' }).click();
    await expect(page).toHaveURL(/\/cart$/);
    await expect(main.getByLabel(`Quantity of ${name}`)).toHaveValue('3');
    const checkout = main.getByRole('link', { name: 'Go to checkout' });
    await expect(checkout).toBeVisible();
    const checkoutBox = await checkout.boundingBox();
    expect((checkoutBox?.y ?? Infinity) + (checkoutBox?.height ?? 0)).toBeLessThanOrEqual(PHONE.height);
  });

  test('sorting by price high–low puts the dearest product first', async ({ page }) => {
    const buyer = await createPerson({ organizationName: 'Northwind Traders', roles: ['buyer'] });
    await signInViaApi(page, buyer.email);
    await page.goto('/catalog');
    const main = page.getByRole('main');
    await main.getByLabel('Sort by').selectOption({ label: 'Price (high–low)' });
    await main.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/[?&]sort=price_desc/);
    await expect(main.getByLabel('Sort by')).toHaveValue('price_desc');
    await expect(main.getByRole('navigation', { name: 'Pages' })).toContainText(/Page 1 of \d+/);

    const prices = await shownPrices(main.getByRole('list', { name: 'Products' }).getByRole('listitem'));
    expect(prices.length).toBeGreaterThan(1);
    expect(prices[0]).toBeGreaterThanOrEqual(dearestDemoMinor);
    expect(prices).toEqual([...prices].sort((a, b) => b - a));

    // A hand-made sort in the address is the name order, not an error page.
    const response = await page.goto('/catalog?sort=cheapest-first');
    expect(response?.status()).toBe(200);
    await expect(main.getByLabel('Sort by')).toHaveValue('name');
  });
});
