import { expect, test } from './fixtures/test';
import { signInViaApi, switchUser } from './fixtures/auth';
import { freshCatalogNames, productQueryPath, untouchedDemoProduct, usd } from './fixtures/catalog';
import { menuLink } from './fixtures/menu';

const product = untouchedDemoProduct();
const PRICE_KEYS = /"(price|unitPriceMinor|listPriceMinor|discountBasisPoints)"/;

test.describe('the catalog in the store', () => {
  test('a buyer browses a category, searches by name and sees a product’s price and availability', async ({ page }) => {
    await signInViaApi(page, 'bob@northwind.test');
    await page.goto('/');
    await (await menuLink(page, 'Store menu', 'Catalog')).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Catalog' })).toBeVisible();

    const main = page.getByRole('main');
    await main
      .getByRole('navigation', { name: 'Categories' })
      .getByRole('link', { name: `${product.category} (` })
      .click();
    await expect(page).toHaveURL(/category=Safety/);
    await expect(main.getByRole('list', { name: 'Products' }).getByRole('listitem').first()).toBeVisible();
    await expect(main.getByText(`in ${product.category}.`)).toBeVisible();

    await main.getByLabel('Search by name or SKU').fill(product.name);
    await main.getByRole('button', { name: 'Search' }).click();
    const card = main.getByRole('list', { name: 'Products' }).getByRole('listitem').filter({ hasText: product.sku });
    await expect(card).toHaveCount(1);
    await expect(card).toContainText(usd(product.northwindPriceMinor));
    await expect(card).toContainText('available');

    await card.getByRole('link', { name: product.name }).click();
    await expect(page.getByRole('heading', { level: 1, name: product.name })).toBeVisible();
    await expect(main).toContainText(
      `${usd(product.northwindPriceMinor)} ${product.unit === 'each' ? 'each' : `per ${product.unit}`}`,
    );
    await expect(main).toContainText(`List price ${usd(product.preferredMinor)}, your discount 2.5 %`);
    await expect(main).toContainText(`${product.onHand.EAST + product.onHand.WEST} available`);
    const centers = main.getByRole('list', { name: 'Available per fulfillment center' });
    await expect(centers).toContainText(`Newark, NJ (EAST): ${product.onHand.EAST}`);
    await expect(centers).toContainText(`Reno, NV (WEST): ${product.onHand.WEST}`);

    const answer = await page.request.get(productQueryPath(product.sku));
    expect(await answer.text()).toContain(`"unitPriceMinor":${product.northwindPriceMinor}`);
  });

  test('a buyer who may not see prices sees the product without any price, and the API sends none', async ({
    page,
  }) => {
    await signInViaApi(page, 'wendy@northwind.test');
    await page.goto(`/catalog?q=${encodeURIComponent(product.sku)}`);
    const main = page.getByRole('main');
    const card = main.getByRole('list', { name: 'Products' }).getByRole('listitem');
    await expect(card).toHaveCount(1);
    await expect(card).toContainText('available');
    await expect(card).not.toContainText('$');

    await card.getByRole('link', { name: product.name }).click();
    await expect(page.getByRole('heading', { level: 1, name: product.name })).toBeVisible();
    await expect(main.getByRole('heading', { name: 'Availability' })).toBeVisible();
    await expect(main).not.toContainText('$');
    await expect(main).not.toContainText(/price/i);
    expect(await page.content()).not.toMatch(PRICE_KEYS);

    const answer = await page.request.get(productQueryPath(product.sku));
    expect(answer.ok()).toBeTruthy();
    const body = await answer.text();
    expect(body).toContain(product.sku);
    expect(body).toContain('"stock"');
    expect(body).not.toMatch(PRICE_KEYS);
  });
});

test.describe('the catalog in the staff dashboard', () => {
  test('staff import products, prices and stock with a bad row, apply, find the product and record received stock', async ({
    page,
  }) => {
    const fresh = freshCatalogNames();
    const badSku = `${fresh.sku}-BAD`;
    await signInViaApi(page, 'admin@countersign.test');
    await page.goto('/staff');
    await (await menuLink(page, 'Staff menu', 'Catalog')).click();
    const main = page.getByRole('main');
    await main.getByRole('navigation', { name: 'Catalog' }).getByRole('link', { name: 'Import CSV' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Import products, prices and stock' })).toBeVisible();

    const csv = (name: string, lines: string[]) => ({
      name,
      mimeType: 'text/csv',
      buffer: Buffer.from(lines.join('\n')),
    });
    await main
      .getByLabel('Products file (CSV)')
      .setInputFiles(
        csv('products.csv', [
          'sku,name,unit,category,description',
          `${fresh.sku},${fresh.name},each,${fresh.category},Stackable`,
          `${badSku},Broken row,,${fresh.category},`,
        ]),
      );
    await main
      .getByLabel('Prices file (CSV)')
      .setInputFiles(
        csv('prices.csv', [
          'price_list,sku,unit_price',
          `Preferred USD,${fresh.sku},80.00`,
          `Standard USD,${fresh.sku},95.50`,
        ]),
      );
    await main
      .getByLabel('Stock file (CSV)')
      .setInputFiles(csv('stock.csv', ['fulfillment_center,sku,on_hand', `EAST,${fresh.sku},40`]));
    await main.getByRole('button', { name: 'Preview the import' }).click();

    const preview = main.getByRole('region', { name: 'Preview' });
    await expect(preview).toContainText('Nothing has been changed yet');
    // A category nobody has made yet is an error until it is chosen to be created (a typo makes none),
    // and so are the price and stock rows of its product.
    await expect(preview.getByRole('region', { name: /5 rows have errors/ })).toBeVisible();
    await preview.getByLabel(`Create the category “${fresh.category}”`).check();
    const problems = preview.getByRole('region', { name: /1 row has errors/ });
    await expect(problems.getByRole('row').filter({ hasText: 'products.csv' })).toContainText('unit is empty.');
    await expect(preview.getByRole('row', { name: /Products \(2 rows\)/ })).toContainText('1');
    // A file with errors imports nothing unless only the good rows are chosen.
    const applyButton = preview.getByRole('button', { name: 'Apply the import' });
    await expect(applyButton).toBeDisabled();
    await preview.getByLabel(/Import only the rows without errors/).check();
    await applyButton.click();
    await expect(main.getByRole('status')).toContainText('The import is applied: 4 rows imported, 1 skipped.');

    await page.goto('/staff/catalog');
    await main.getByLabel('SKU or name').fill(fresh.sku);
    await main.getByRole('button', { name: 'Filter' }).click();
    await expect(main.getByRole('row').filter({ hasText: badSku })).toHaveCount(0);
    await main.getByRole('link', { name: fresh.sku, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: fresh.name })).toBeVisible();
    await expect(main.getByLabel('Unit price in Preferred USD (USD)')).toHaveValue('80.00');
    await expect(main.getByLabel('Unit price in Standard EUR (EUR)')).toHaveValue('');

    const receipt = main.getByRole('form', { name: 'Record received stock at EAST' });
    await receipt.getByLabel('Quantity received at EAST').fill('5');
    await receipt.getByRole('button', { name: 'Record receipt' }).click();
    await expect(main.getByRole('status')).toContainText('Recorded 5 received at EAST: 45 on hand, 45 available.');

    // The buyer finds it at once, priced by Northwind's contract: 80.00 less 2.5 % = 78.00.
    await switchUser(page, 'bob@northwind.test');
    await page.goto(`/catalog/${fresh.sku}`);
    await expect(page.getByRole('heading', { level: 1, name: fresh.name })).toBeVisible();
    await expect(page.getByRole('main')).toContainText('$78.00 each');
    await expect(page.getByRole('main')).toContainText('45 available');
  });
});
