/* On a phone (the phone project only): the bar, and the Menu button's panel. */
import { expect, test, type Page } from './fixtures/test';
import { signInViaApi } from './fixtures/auth';
import { expectOneSlimBar } from './fixtures/layout';

/** The page has hydrated when a click on the Menu button opens the panel; until then try again. */
async function openMenuBy(page: Page, open: () => Promise<void>) {
  const toggle = page.getByRole('navigation', { name: 'Store menu' }).getByRole('button', { name: 'Menu' });
  await expect(async () => {
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await open();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true', { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  return toggle;
}

test('the header menu by touch: one slim bar, the menu opens, a tap goes to the page and the menu closes', async ({
  page,
}) => {
  await signInViaApi(page, 'paula@northwind.test');
  await page.goto('/');
  await expectOneSlimBar(page);
  const nav = page.getByRole('navigation', { name: 'Store menu' });
  // Waiting approvals and the cart stay in the bar with their counts; the rest is behind Menu.
  await expect(nav.getByRole('link', { name: /^Authorizations/ })).toBeVisible();
  await expect(nav.getByRole('link', { name: /^Cart/ })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Order templates' })).toBeHidden();

  const toggle = await openMenuBy(page, () => nav.getByRole('button', { name: 'Menu' }).tap());
  await expect(nav.getByRole('link', { name: 'Order templates' })).toBeVisible();
  await expect(nav.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await nav.getByRole('link', { name: 'Order templates' }).tap();
  await expect(page).toHaveURL(/\/templates$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Order templates');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(nav.getByRole('link', { name: 'Order templates' })).toBeHidden();

  // A second tap on Menu closes it again.
  await openMenuBy(page, () => toggle.tap());
  await toggle.tap();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(nav.getByRole('link', { name: 'Order templates' })).toBeHidden();
});

test('the header menu by keyboard: focus moves into the menu, Escape closes it and gives focus back', async ({
  page,
}) => {
  await signInViaApi(page, 'alice@northwind.test');
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Store menu' });
  const toggle = nav.getByRole('button', { name: 'Menu' });
  await toggle.focus();
  await openMenuBy(page, () => page.keyboard.press('Enter'));
  // Focus is on the menu's first entry; Tab walks through its links.
  await expect(nav.getByRole('link', { name: 'Catalog' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(nav.getByRole('link', { name: 'Orders', exact: true })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle).toBeFocused();
  await expect(nav.getByRole('link', { name: 'Catalog' })).toBeHidden();

  // Enter on a link in the menu opens its page.
  await openMenuBy(page, () => page.keyboard.press('Enter'));
  await nav.getByRole('link', { name: 'Departments and branches' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/admin\/units$/);
});
