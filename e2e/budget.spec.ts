import { expect, test, type Page } from './fixtures/test';
import { eq } from 'drizzle-orm';
import { memberships } from '@/db/schema';
import { newAuthorizer, spendingLimit } from './fixtures/approvals';
import { openLatestEmail, signInViaApi, switchUser } from './fixtures/auth';
import { pricedDemoProduct } from './fixtures/catalog';
import { createPerson, e2eDb } from './fixtures/db';
import { expectNoSidewaysScroll } from './fixtures/layout';
import { placeOrderViaApi } from './fixtures/orders';

const NORTHWIND = 'Northwind Traders';
const product = pricedDemoProduct();

/** The order's total as the approval page shows it ("$123.45"). */
async function totalOn(page: Page, number: string) {
  await page.goto(`/authorizations/${number}`);
  const total = (await page.getByTestId('approval-total').textContent())?.trim() ?? '';
  expect(total).toMatch(/^\$[\d,]+\.\d\d$/);
  return total;
}

test('an authorizer reads the requester’s budget on the approval page and in the email; one who may not see prices reads only within or over', async ({
  page,
}) => {
  const approver = await newAuthorizer();
  const quiet = await newAuthorizer();
  await e2eDb().update(memberships).set({ maySeePrices: false }).where(eq(memberships.id, quiet.membershipId));
  const requester = await createPerson({ organizationName: NORTHWIND, roles: ['buyer'], hasLimitedBudget: true });
  await spendingLimit(requester, 500, 'order', [approver, quiet]);
  await spendingLimit(requester, 5_000_000, 'month', [approver]);

  // Two orders this month, each over 5.00: the second's budget counts the first.
  await signInViaApi(page, requester.email);
  const first = await placeOrderViaApi(page, { lines: [{ sku: product.sku, quantity: 1 }] });
  const second = await placeOrderViaApi(page, { lines: [{ sku: product.sku, quantity: 2 }] });
  expect(second.status).toBe('pending_approval');

  await switchUser(page, approver.email);
  const firstTotal = await totalOn(page, first.number);
  const secondTotal = await totalOn(page, second.number);
  const main = page.getByRole('main');
  const asked = main.getByRole('region', { name: 'What is asked' });
  // Why this authorizer is asked, said once, above the budget.
  await expect(asked.getByTestId('approval-why')).toHaveText('Needs approval: Spending limit over $5.00 per order');
  const budget = asked.getByTestId('approval-budget');
  await expect(budget.getByRole('heading', { name: 'Budget' })).toBeVisible();
  const lines = budget.getByRole('list', { name: 'Budget' }).getByRole('listitem');
  await expect(lines).toHaveCount(2);
  await expect(lines.nth(0)).toContainText(
    new RegExp(
      `^Spent ${escape(firstTotal)} of \\$50,000\\.00 this month; this order adds ${escape(secondTotal)} \\(\\d+ %\\)\\.$`,
    ),
  );
  await expect(lines.nth(1)).toContainText(
    new RegExp(
      `^This order is ${escape(secondTotal)}; the limit per order is \\$5\\.00 — \\$[\\d,]+\\.\\d\\d over\\.$`,
    ),
  );
  // The decision stays in reach on arrival and nothing scrolls sideways, on a phone too.
  await page.goto(`/authorizations/${second.number}`);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await expect(main.getByRole('button', { name: 'Approve', exact: true })).toBeInViewport({ ratio: 1 });
  await expectNoSidewaysScroll(page);

  // The email says the same in words, with the month named.
  await openLatestEmail(page, approver.email, `Order ${second.number} from ${requester.name} needs your approval`);
  const mail = page.frameLocator('iframe.mail-frame').locator('body');
  await expect(mail).toContainText(`Spent ${firstTotal} of $50,000.00 in `);
  await expect(mail).toContainText(`This order is ${secondTotal}; the limit per order is $5.00 — `);

  // Without May see prices: within or over in words, no amount and no bar.
  await switchUser(page, quiet.email);
  await page.goto(`/authorizations/${second.number}`);
  const quietBudget = page.getByRole('main').getByTestId('approval-budget');
  await expect(quietBudget).toContainText('Within the monthly limit this month, with this order.');
  await expect(quietBudget).toContainText('Over the limit per order.');
  await expect(quietBudget).not.toContainText('$');
});

/** A literal for a regular expression. */
function escape(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
