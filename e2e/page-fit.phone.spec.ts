import { expect, test, type Page } from './fixtures/test';
import { signInViaApi } from './fixtures/auth';
import { smallTargets } from './fixtures/layout';
import { PAGES } from './fixtures/pages';

/**
 * On a phone every page fits the screen's width and every target outside running text is at least
 * 44 × 44 px, for each kind of person: signed out, a buyer, an authorizer, an account manager, and
 * staff. Besides the fixed list, the first page of each kind its lists link to (an order, a member,
 * a registration…) is opened too, so pages with real content are measured, not only their refusals.
 */
const PEOPLE = [
  null,
  'bob@northwind.test',
  'paula@northwind.test',
  'alice@northwind.test',
  'admin@countersign.test',
  'fulfillment@countersign.test',
];

/** Detail pages, one of each kind is followed from the lists. */
const DETAIL_PAGES = [
  /^\/catalog\/[^/]+$/,
  /^\/orders\/[^/]+$/,
  /^\/quotes\/[^/]+$/,
  /^\/templates\/[0-9a-f-]{36}$/,
  /^\/authorizations\/[^/?]+$/,
  /^\/admin\/members\/[0-9a-f-]{36}$/,
  /^\/admin\/roles\/[0-9a-f-]{36}$/,
  /^\/admin\/approvals\/(limits|rules)\/[0-9a-f-]{36}$/,
  /^\/staff\/orders\/[^/]+$/,
  /^\/staff\/quotes\/[^/]+$/,
  /^\/staff\/registrations\/[0-9a-f-]{36}$/,
  /^\/staff\/catalog\/[^/]+$/,
  /^\/staff\/fulfillment\/batches\/\d+$/,
  /^\/dev\/mailbox\/[0-9a-f-]{36}$/,
];

async function measure(page: Page, path: string, failures: string[]) {
  const response = await page.goto(path);
  if (!response || response.status() >= 400 || new URL(page.url()).pathname !== path) return [];
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  if (scrollWidth > clientWidth) failures.push(`${path}: ${scrollWidth} px wide`);
  for (const target of await smallTargets(page)) failures.push(`${path}: ${target}`);
  return page
    .getByRole('main')
    .locator('a[href^="/"]')
    .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
}

for (const person of PEOPLE) {
  test(`every page fits a phone for ${person ?? 'someone signed out'}, with targets a thumb can hit`, async ({
    page,
  }) => {
    test.setTimeout(240_000);
    if (person) await signInViaApi(page, person);
    const failures: string[] = [];
    const followed = new Set<RegExp>();
    for (const path of PAGES) {
      for (const link of await measure(page, path, failures)) {
        const kind = DETAIL_PAGES.find((pattern) => pattern.test(link) && !followed.has(pattern));
        if (!kind || PAGES.includes(link)) continue;
        followed.add(kind);
        await measure(page, link, failures);
      }
    }
    expect(failures).toEqual([]);
  });
}
