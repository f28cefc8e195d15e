import { expect, test } from './fixtures/test';
import { eq } from 'drizzle-orm';
import { memberships } from '@/db/schema';
import { switchUser } from './fixtures/auth';
import { createPerson, e2eDb } from './fixtures/db';

const NORTHWIND = 'Northwind Traders';

/** A Northwind authorizer of this test's own: the flag on, the authorizer role. */
async function authorizer() {
  const created = await createPerson({ organizationName: NORTHWIND, roles: ['authorizer'], mayOrder: false });
  await e2eDb().update(memberships).set({ mayAuthorizeOrders: true }).where(eq(memberships.id, created.membershipId));
  return created;
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

test('an authorizer names a stand-in for the days away, sees it listed, then clears it', async ({ page }) => {
  const carol = await authorizer();
  const dana = await authorizer();
  const main = page.getByRole('main');

  await switchUser(page, carol.email);
  await page.goto('/account');
  await main.getByRole('link', { name: /Out of office/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Out of office');
  await expect(main.getByText('You have no out-of-office set.')).toBeVisible();

  const form = main.getByRole('form', { name: 'Out of office' });
  await form.getByRole('button', { name: 'Save out-of-office' }).click();
  await expect(form.getByText('Choose who stands in for you.')).toBeVisible();

  await form.getByLabel('Stand-in').selectOption({ label: dana.name });
  await form.getByLabel('First day away').fill(day(0));
  await form.getByLabel('Last day away').fill(day(-1));
  await form.getByRole('button', { name: 'Save out-of-office' }).click();
  await expect(form.getByText('The last day away cannot be before the first.')).toBeVisible();

  await form.getByLabel('Last day away').fill(day(3));
  await form.getByRole('button', { name: 'Save out-of-office' }).click();
  await expect(main.getByRole('status')).toHaveText(
    `Saved. Orders that need your approval while you are away are also offered to ${dana.name}.`,
  );
  const current = main.getByRole('region', { name: 'Your out-of-office', exact: true });
  await expect(current).toContainText(dana.name);
  await expect(current).toContainText(day(0));
  await expect(current).toContainText(day(3));
  await expect(current).toContainText('Under way');

  await current.getByRole('button', { name: 'Clear out-of-office' }).click();
  await expect(main.getByRole('status')).toHaveText('Out of office cleared. New orders come to you alone again.');
  await expect(main.getByText('You have no out-of-office set.')).toBeVisible();
  await expect(main.getByRole('region', { name: 'Your out-of-office', exact: true })).toHaveCount(0);
});
