/* On a desktop (the desktop project only): one row, groups opening as menus. */
import { expect, test } from './fixtures/test';
import { signInViaApi } from './fixtures/auth';
import { expectOneSlimBar } from './fixtures/layout';

for (const person of ['alice@northwind.test', 'admin@countersign.test']) {
  test(`the header is one row for ${person}, and a group opens and closes by keyboard`, async ({ page }) => {
    await signInViaApi(page, person);
    await page.goto(person.endsWith('countersign.test') ? '/staff' : '/');
    await expectOneSlimBar(page);
    const nav = page.getByRole('navigation').first();
    const orders = nav.getByRole('button', { name: 'Orders' });
    await orders.focus();
    await expect(async () => {
      if ((await orders.getAttribute('aria-expanded')) !== 'true') await page.keyboard.press('Enter');
      await expect(orders).toHaveAttribute('aria-expanded', 'true', { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    const first = nav.getByRole('link', { name: 'Orders', exact: true });
    await expect(first).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(first).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(orders).toHaveAttribute('aria-expanded', 'false');
    await expect(orders).toBeFocused();
    await expect(first).toBeHidden();
  });
}
