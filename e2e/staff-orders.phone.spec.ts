import { expect, test } from './fixtures/test';
import { signInViaApi } from './fixtures/auth';

test('on a phone the staff orders list starts in the first screen; filters in use stay unfolded', async ({ page }) => {
  await signInViaApi(page, 'admin@countersign.test');
  await page.goto('/staff/orders');
  const orders = page.getByRole('table', { name: 'Orders' });
  await expect(orders.getByRole('link').first()).toBeInViewport({ ratio: 1 });
  await expect(page.getByLabel('Status')).toBeHidden();

  await page.getByText('More filters').click();
  await page.getByLabel('Status').selectOption({ label: 'Confirmed' });
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/status=payment_authorized/);
  await expect(page.getByLabel('Status')).toBeVisible();
  await expect(page.getByLabel('Status')).toHaveValue('payment_authorized');
});
