import { expect, test } from './fixtures/test';
import { signInViaApi } from './fixtures/auth';
import { createOrganizationWithPerson, setOrganizationStatus } from './fixtures/db';
import { PAGES, STORE_PAGES } from './fixtures/pages';

/**
 * Whoever opens a page gets it, a redirect to sign in, a 403 or a 404, never a server error; and a
 * refusal shows in one main landmark (inside a section's layout it once brought a second one, which
 * confuses screen readers).
 */
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
