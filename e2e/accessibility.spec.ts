import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from './fixtures/test';
import { signInViaApi } from './fixtures/auth';

/**
 * axe over the main pages of each kind of person, on the desktop and the phone: no serious or
 * critical violation (contrast, names of controls, landmarks, ARIA). The first link of each kind a
 * list offers (an order, an approval, a product) is checked too, so pages with content are covered.
 */
const MAIN_PAGES: Record<string, string[]> = {
  'signed out': ['/sign-in', '/register', '/forgot-password', '/join', '/register/existing-customer'],
  'bob@northwind.test': ['/', '/catalog', '/cart', '/checkout', '/orders', '/quotes', '/templates', '/account'],
  'paula@northwind.test': ['/', '/authorizations', '/account/out-of-office'],
  'alice@northwind.test': [
    '/admin',
    '/admin/members',
    '/admin/approvals',
    '/admin/roles',
    '/admin/units',
    '/admin/insights',
  ],
  'admin@countersign.test': [
    '/staff',
    '/staff/orders',
    '/staff/registrations',
    '/staff/payments',
    '/staff/catalog',
    '/staff/overview',
  ],
  'fulfillment@countersign.test': ['/dev/mailbox', '/staff', '/staff/fulfillment'],
};
const FOLLOW = [/^\/catalog\/[^/]+$/, /^\/orders\/[^/]+$/, /^\/authorizations\/[^/]+$/, /^\/staff\/orders\/[^/]+$/];

async function seriousViolations(page: Page, path: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${path}: ${violation.id} (${violation.impact}) at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
}

for (const [person, pages] of Object.entries(MAIN_PAGES)) {
  test(`the main pages of ${person} have no serious accessibility violation`, async ({ page }) => {
    test.setTimeout(120_000);
    if (person !== 'signed out') await signInViaApi(page, person);
    const found: string[] = [];
    const followed = new Set<RegExp>();
    for (const path of pages) {
      await page.goto(path);
      found.push(...(await seriousViolations(page, path)));
      const links = await page
        .getByRole('main')
        .locator('a[href^="/"]')
        .evaluateAll((anchors) => anchors.map((anchor) => new URL((anchor as HTMLAnchorElement).href).pathname));
      for (const link of links) {
        const kind = FOLLOW.find((pattern) => pattern.test(link) && !followed.has(pattern));
        if (!kind) continue;
        followed.add(kind);
        await page.goto(link);
        found.push(...(await seriousViolations(page, link)));
      }
    }
    // The header's menu open (the phone's panel, the desktop's first group) is checked as well.
    if (person !== 'signed out') {
      const nav = page.getByRole('navigation').first();
      const toggle = nav.getByRole('button', { name: 'Menu' });
      const open = nav.locator('[aria-expanded="true"]');
      // Until the page is hydrated a click does nothing: try again until something is open.
      await expect(async () => {
        if ((await open.count()) === 0)
          await ((await toggle.isVisible()) ? toggle : nav.locator('[data-group-button]').first()).click();
        await expect(open).toHaveCount(1, { timeout: 1_000 });
      }).toPass({ timeout: 15_000 });
      found.push(...(await seriousViolations(page, `${page.url()} with the menu open`)));
    }
    expect(found).toEqual([]);
  });
}
