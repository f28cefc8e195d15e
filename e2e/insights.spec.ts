import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from './fixtures/test';
import { signInViaApi } from './fixtures/auth';

/**
 * Issue 15's journeys, on the phone and the desktop: a buyer administrator opens Insights from
 * Administration, narrows it to a unit with the GET form, and opens a chart's table; staff read
 * the operations overview. The charts are SVG drawn on the server, each named by its summary, and
 * their tables open without JavaScript (a native <details>).
 */

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** The page fits the viewport's width: no sideways scrolling on a 390 px phone. */
async function fitsWidth(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, 'page width').toBeLessThanOrEqual(clientWidth);
}

test('a buyer administrator filters the insights by unit and reads a chart as a table', async ({ page }) => {
  await signInViaApi(page, 'alice@northwind.test');
  await page.goto('/admin');
  await page
    .getByRole('main')
    .getByRole('link', { name: /Insights/ })
    .click();
  await expect(page).toHaveURL(/\/admin\/insights$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Insights');

  const spend = page.getByTestId('chart-spend');
  await expect(spend.getByRole('heading', { name: 'Spend per month by unit' })).toBeVisible();
  // The picture is named by its title and its summary, which a screen reader reads in its place.
  await expect(spend.getByRole('img', { name: /Spend per month by unit/ })).toBeVisible();
  await expect(spend.getByTestId('chart-summary')).not.toBeEmpty();

  await page.getByLabel('Unit', { exact: true }).selectOption({ label: 'Purchasing' });
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(page).toHaveURL(/unitId=[0-9a-f-]{36}/);
  await expect(page.getByLabel('Unit', { exact: true })).toHaveValue(/[0-9a-f-]{36}/);
  await expect(page.getByLabel('Unit', { exact: true }).locator('option:checked')).toHaveText('Purchasing');
  await expect(page.getByRole('main').getByRole('alert')).toHaveCount(0);

  await spend.getByText('Show as table').click();
  const table = spend.getByRole('table', { name: 'Spend per month by unit' });
  await expect(table).toBeVisible();
  // Twelve months, each a row, whether or not anything was spent in it.
  await expect(table.locator('tbody tr')).toHaveCount(12);
  // Each row carries the limit (on a phone the header row is hidden and each cell names its column).
  await expect(table.locator('tbody tr').first().locator('td[data-label="Sum of monthly limits"]')).toHaveText(
    /^\$[\d,]+\.\d{2}$/,
  );

  await fitsWidth(page);
  expect(await seriousViolations(page)).toEqual([]);
});

test('a bad filter in the address is explained, and the charts still show', async ({ page }) => {
  await signInViaApi(page, 'alice@northwind.test');
  const response = await page.goto('/admin/insights?from=2026-13-01&to=2026-01-01');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('main').getByRole('alert')).toContainText(
    'The charts show the default range and units instead.',
  );
  await expect(page.getByTestId('chart-spend')).toBeVisible();
});

test('a member without the insights permission is refused', async ({ page }) => {
  await signInViaApi(page, 'bob@northwind.test');
  await page.goto('/admin/insights');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('You cannot open this page');
});

test('staff read the operations overview', async ({ page }) => {
  await signInViaApi(page, 'admin@countersign.test');
  await page.goto('/staff');
  await page
    .getByRole('main')
    .getByRole('link', { name: /Operations overview/ })
    .click();
  await expect(page).toHaveURL(/\/staff\/overview$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Operations overview');
  for (const [id, title] of [
    ['orders-per-day', 'Orders per day by state'],
    ['payment-review', 'Payment-review backlog'],
    ['lead-times', 'Release to shipment, per fulfillment center'],
    ['failures', 'Failed captures and emails'],
    ['credit', 'Credit used against the credit limit'],
  ] as const) {
    const chart = page.getByTestId(`chart-${id}`);
    await expect(chart.getByRole('heading', { name: title })).toBeVisible();
    await expect(chart.getByRole('img')).toBeVisible();
    await expect(chart.getByTestId('chart-summary')).not.toBeEmpty();
  }
  await expect(page.getByTestId('chart-payment-review').getByTestId('chart-summary')).toHaveText(
    /^(No order is waiting for payment review\.|[\d,]+ orders? waiting for payment review; [\d,]+ submitted more than 7 days ago\.)$/,
  );
  const credit = page.getByTestId('chart-credit');
  await credit.getByText('Show as table').click();
  const rows = credit.getByRole('table', { name: 'Credit used against the credit limit' }).locator('tbody tr');
  // The demo's buyers have customer accounts: each row is one, with the share of its limit in use.
  await expect(rows.first().locator('td').last()).toHaveText(/^\d+ %$/);
  await fitsWidth(page);
  expect(await seriousViolations(page)).toEqual([]);
});
