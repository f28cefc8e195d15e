import { expect, test } from './fixtures/test';
import { signInViaForm } from './fixtures/auth';
import { pricedDemoProduct } from './fixtures/catalog';
import { createPerson } from './fixtures/db';
import { placeOrderViaApi } from './fixtures/orders';

const product = pricedDemoProduct();

// A browser on the US west coast: the sign-in form reports its zone, and pages follow it.
test.use({ timezoneId: 'America/Los_Angeles' });

test('times read in the zone of the browser that signed in, then in the zone chosen in My account; a US ship-to reads "City, ST 12345"', async ({
  page,
}) => {
  // A buyer of their own: the zone is kept per person, and other specs must not see it change.
  const buyer = await createPerson({ organizationName: 'Northwind Traders', roles: ['buyer'], mayOrder: true });
  await signInViaForm(page, buyer.email);
  await expect(page).not.toHaveURL(/\/sign-in/);
  const placed = await placeOrderViaApi(page, { lines: [{ sku: product.sku, quantity: 1 }] });
  const main = page.getByRole('main');

  await page.goto(`/orders/${placed.number}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Order ${placed.number}`);
  const placedAt = main.locator('.lede time').first();
  await expect(placedAt).toHaveText(/^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s[AP]M P[SD]T$/);
  await expect(placedAt).not.toContainText('UTC');
  const iso = await placedAt.getAttribute('datetime');
  expect(iso && !Number.isNaN(Date.parse(iso))).toBeTruthy();

  // Northwind ships to Washington State: the city, the state and the ZIP code on one line, US style.
  const shipTo = main.locator('address').first();
  await expect(shipTo).toContainText(/(Seattle|Tacoma), WA 98\d{3}/);
  await expect(shipTo).not.toContainText(/98\d{3} (Seattle|Tacoma)/);

  // My account: the browser's zone is the one in use; choosing Tokyo moves every time there.
  await page.goto('/account');
  const zoneForm = main.getByRole('form', { name: 'Time zone' });
  const select = zoneForm.getByLabel('Show times in');
  await expect(select.locator('option:checked')).toHaveText(/My browser’s zone \(now America\/Los Angeles\)/);
  await select.selectOption('Asia/Tokyo');
  await zoneForm.getByRole('button', { name: 'Save time zone' }).click();
  await expect(zoneForm.getByRole('status')).toHaveText('Times are now shown in Asia/Tokyo.');

  await page.goto(`/orders/${placed.number}`);
  await expect(main.locator('.lede time').first()).toHaveText(
    /^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s[AP]M GMT\+9$/,
  );
  // The same moment, only written for Tokyo.
  expect(await main.locator('.lede time').first().getAttribute('datetime')).toBe(iso);
});
