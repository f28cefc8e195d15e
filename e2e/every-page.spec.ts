import { expect, test } from '@playwright/test';
import { signInViaApi } from './fixtures/auth';
import { createOrganizationWithPerson, setOrganizationStatus } from './fixtures/db';

/**
 * Every page, with made-up identifiers where the address takes one. Whoever opens it gets the page,
 * a redirect to sign in, a 403 or a 404, never a server error; and a refusal shows in one main landmark
 * (inside a section's layout it once brought a second one, which confuses screen readers).
 */
const NOWHERE = { uuid: '00000000-0000-0000-0000-000000000000', number: 'NOPE-1' };
/** The signed-in store's pages, under app/(store). */
const STORE_PAGES = [
  '/',
  '/account',
  '/account/out-of-office',
  '/account/statement',
  '/cart',
  '/checkout',
  '/catalog',
  '/catalog/NOPE',
  '/orders',
  `/orders/${NOWHERE.number}`,
  '/quotes',
  '/quotes/Q-0',
  '/templates',
  `/templates/${NOWHERE.uuid}`,
  '/templates/not-a-uuid',
  '/authorizations',
  `/authorizations/${NOWHERE.number}`,
  '/admin',
  '/admin/addresses',
  '/admin/approvals',
  `/admin/approvals/limits/${NOWHERE.uuid}`,
  `/admin/approvals/rules/${NOWHERE.uuid}`,
  '/admin/approvals/rules/not-a-uuid',
  '/admin/approvals/rules/new',
  '/admin/history',
  '/admin/joining',
  '/admin/members',
  `/admin/members/${NOWHERE.uuid}`,
  '/admin/members/not-a-uuid',
  '/admin/members/new',
  '/admin/roles',
  `/admin/roles/${NOWHERE.uuid}`,
  '/admin/roles/not-a-uuid',
  '/admin/roles/new',
  '/admin/units',
];
const PAGES = [
  ...STORE_PAGES,
  '/staff',
  '/staff/account',
  '/staff/catalog',
  '/staff/catalog/NOPE',
  '/staff/catalog/import',
  '/staff/catalog/new',
  '/staff/erp',
  '/staff/erp/contacts',
  '/staff/erp/excluded',
  '/staff/erp/keys',
  '/staff/fulfillment',
  '/staff/fulfillment/batches',
  '/staff/fulfillment/batches/999999',
  '/staff/fulfillment/batches/abc',
  '/staff/fulfillment/batches/999999/packing-slips',
  '/staff/fulfillment/batches/999999/pick-ticket',
  `/staff/fulfillment/packing-slips/${NOWHERE.number}`,
  '/staff/jobs',
  '/staff/orders',
  `/staff/orders/${NOWHERE.number}`,
  '/staff/payments',
  '/staff/quotes',
  '/staff/quotes/Q-0',
  '/staff/registrations',
  `/staff/registrations/${NOWHERE.uuid}`,
  '/staff/registrations/not-a-uuid',
  '/sign-in',
  '/register',
  '/register/existing-customer',
  '/register/existing-customer/complete',
  '/forgot-password',
  '/reset-password',
  '/set-password',
  '/verify-email',
  '/reverify',
  '/join',
  '/dev/mailbox',
  `/dev/mailbox/${NOWHERE.uuid}`,
];

const PEOPLE = [null, 'bob@northwind.test', 'alice@northwind.test', 'fulfillment@countersign.test'];

for (const person of PEOPLE) {
  test(`every page answers ${person ?? 'someone signed out'} without a server error, and refuses in one main landmark`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    if (person) await signInViaApi(page, person);
    const failures: string[] = [];
    for (const path of PAGES) {
      const response = await page.request.get(path, { maxRedirects: 0 });
      if (response.status() >= 500) failures.push(`${path} → ${response.status()}`);
      if (response.status() === 403 || response.status() === 404) {
        // The refusal may be rendered by the browser from the page's payload: look at it there.
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(
          response.status() === 403 ? 'You cannot open this page' : 'Page not found',
        );
        const mains = await page.locator('main').count();
        if (mains !== 1) failures.push(`${path} → ${mains} main landmarks`);
      }
    }
    expect(failures).toEqual([]);
  });
}

test('every store page shows a member of a suspended organization the suspension notice in place of its content', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const person = await createOrganizationWithPerson();
  await signInViaApi(page, person.email);
  // Suspended while they are signed in: their session stays, but nothing in the store works any more.
  await setOrganizationStatus(person.organizationId, 'suspended');
  const notice = `${person.organizationName} is suspended. Contact us to have it reactivated.`;
  const failures: string[] = [];
  for (const path of STORE_PAGES) {
    const response = await page.request.get(path, { maxRedirects: 0 });
    if (response.status() >= 500) failures.push(`${path} → ${response.status()}`);
    await page.goto(path);
    if ((await page.locator('main').count()) !== 1) failures.push(`${path} → not one main landmark`);
    const alerts = await page.getByRole('main').getByRole('alert').allTextContents();
    if (!alerts.some((text) => text.includes(notice))) failures.push(`${path} → alerts ${JSON.stringify(alerts)}`);
    const headings = await page.getByRole('heading', { level: 1 }).allTextContents();
    if (headings.join() !== 'You cannot work in this account right now')
      failures.push(`${path} → headings ${JSON.stringify(headings)}`);
  }
  expect(failures).toEqual([]);
});
