import { randomUUID } from 'node:crypto';
import { expect, test } from './fixtures/test';
import { switchUser } from './fixtures/auth';

test('an administrator creates, edits and deletes a custom role', async ({ page }) => {
  const name = `Purchasing lead ${randomUUID().slice(0, 8)}`;
  const main = page.getByRole('main');
  const row = main.locator('tr', { hasText: name });

  await switchUser(page, 'alice@northwind.test');
  await page.goto('/admin');
  await main.getByRole('link', { name: 'Roles and permissions' }).click();
  const authorizer = main.getByRole('region', { name: 'Predefined roles' }).locator('tr', { hasText: 'Authorizer' });
  await expect(authorizer).toContainText('predefined');
  await expect(authorizer).toContainText('Approve orders (their unit and the units below it)');

  await main.getByRole('link', { name: 'New role' }).click();
  await main.getByLabel('Name', { exact: true }).fill(name);
  await main.getByRole('checkbox', { name: 'Place orders' }).check();
  await main.getByRole('checkbox', { name: 'View orders' }).check();
  await main.getByRole('combobox', { name: 'View orders reaches' }).selectOption({ label: 'Unit and below' });
  await main.getByRole('checkbox', { name: 'View prices' }).check();
  await main.getByRole('button', { name: 'Create role' }).click();

  await expect(main.getByRole('status')).toHaveText(`Saved “${name}”.`);
  await expect(row).toContainText('Place orders');
  await expect(row).toContainText('View orders (their unit and the units below it)');
  await expect(row).toContainText('View prices');
  await expect(row).toContainText('0 members');

  await main.getByRole('link', { name: `Edit ${name}` }).click();
  await expect(main.getByRole('combobox', { name: 'View orders reaches' })).toHaveValue('unit');
  await main.getByRole('checkbox', { name: 'Request quotes' }).check();
  await main.getByRole('button', { name: 'Save changes' }).click();
  await expect(main.getByRole('status')).toHaveText(`Saved “${name}”.`);
  await expect(row).toContainText('Request quotes');

  await main.getByRole('button', { name: `Delete ${name}` }).click();
  await main.getByRole('button', { name: 'Yes, delete it' }).click();
  await expect(main.getByRole('status')).toHaveText(`Deleted “${name}”.`);
  await expect(row).toHaveCount(0);
});
