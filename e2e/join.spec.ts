import { randomUUID } from 'node:crypto';
import { expect, test } from './fixtures/test';
import { followEmailLink, openLatestEmail, signInViaForm, switchUser } from './fixtures/auth';
import { menuLink } from './fixtures/menu';

test('a buyer joins an existing organization with its code and the administrator approves', async ({ page }) => {
  const id = randomUUID().slice(0, 8);
  const joiner = { name: `Jamie ${id}`, email: `jamie-${id}@northwind.test`, password: 'my own passphrase' };

  await switchUser(page, 'alice@northwind.test');
  await page.goto('/');
  await (await menuLink(page, 'Store menu', 'Overview')).click();
  await page.getByRole('main').getByRole('link', { name: 'Invitation code and joining requests' }).click();
  const code = (await page.getByTestId('join-code').textContent()) ?? '';
  expect(code).toMatch(/^[A-Z0-9-]+$/);

  await page.context().clearCookies();
  await page.goto(`/join?code=${encodeURIComponent(code)}`);
  await expect(page.getByLabel('Invitation code')).toHaveValue(code);
  await page.getByLabel('Full name').fill(joiner.name);
  await page.getByLabel('Work email address').fill(joiner.email);
  await page.getByLabel('Password').fill(joiner.password);
  await page.getByRole('button', { name: 'Ask to join' }).click();
  await expect(page.getByRole('main').getByRole('status')).toContainText(
    'the administrator of Northwind Traders reviews your request',
  );

  await openLatestEmail(page, joiner.email, 'Confirm your email address for Countersign');
  await followEmailLink(page, '/verify-email');
  await page.getByRole('button', { name: 'Confirm my email address' }).click();
  await signInViaForm(page, joiner.email, joiner.password);
  await expect(page.getByRole('main').getByRole('alert')).toContainText("waiting for its administrator's approval");

  await switchUser(page, 'alice@northwind.test');
  await page.goto('/admin/joining');
  await page.getByRole('button', { name: `Approve ${joiner.name}` }).click();
  await expect(page.getByRole('main').getByRole('status')).toContainText('they have been emailed');

  await page.context().clearCookies();
  await openLatestEmail(page, joiner.email, 'You can now order for Northwind Traders');
  await signInViaForm(page, joiner.email, joiner.password);
  await expect(page.getByRole('heading', { name: `Welcome, ${joiner.name}` })).toBeVisible();
  await expect(page.getByTestId('active-organization')).toHaveText('Northwind Traders');
});
