import { expect, test } from './fixtures/test';
import { signInViaApi, switchUser } from './fixtures/auth';
import { newAuthorizer, ordersOverLimit } from './fixtures/approvals';
import { trpc } from './fixtures/orders';

/**
 * On a phone, an authorizer selects every waiting order of the inbox page and approves them at
 * once; meanwhile another authorizer approved one of them. The answer lists each order: the two
 * approved, and the one already approved, by whom.
 */
test('bulk approval lists an order decided meanwhile by someone else as already decided, by whom', async ({
  page,
  browser,
}) => {
  const [paula, ben] = [await newAuthorizer(), await newAuthorizer()];
  const { placed } = await ordersOverLimit(page, [paula, ben], 3);
  const [first, second, third] = placed.map((order) => order.number);
  if (!first || !second || !third) throw new Error('three orders were placed');

  await switchUser(page, paula.email);
  await page.goto('/authorizations');
  const main = page.getByRole('main');
  for (const number of [first, second, third]) await expect(main.getByLabel(`Select ${number}`)).toBeVisible();
  // The newest order, its select box and the bulk button are in the first screen, before any scrolling.
  for (const target of [main.getByLabel(`Select ${third}`), main.getByRole('button', { name: 'Approve selected' })]) {
    const box = await target.boundingBox();
    expect(box && box.y + box.height).toBeLessThanOrEqual(page.viewportSize()?.height ?? 0);
  }
  await main.getByLabel('Select all on this page').check();
  for (const number of [first, second, third]) await expect(main.getByLabel(`Select ${number}`)).toBeChecked();

  // Ben approves the third order from his own phone while Paula's selection is on her screen.
  const bens = await browser.newContext();
  const benPage = await bens.newPage();
  await signInViaApi(benPage, ben.email);
  await trpc(benPage, 'authorizations.approve', { number: third });
  await bens.close();

  await main.getByRole('button', { name: 'Approve selected' }).click();
  const heading = main.getByRole('heading', { name: '2 orders approved, 1 already decided' });
  await expect(heading).toBeVisible();
  await expect(heading).toBeFocused();
  const lines = main.getByRole('list', { name: 'Each selected order' });
  await expect(lines.getByRole('listitem').filter({ hasText: first })).toContainText('Approved: fully approved');
  await expect(lines.getByRole('listitem').filter({ hasText: second })).toContainText('Approved: fully approved');
  await expect(lines.getByRole('listitem').filter({ hasText: third })).toContainText(
    `Already approved by ${ben.name} at `,
  );
  // The list reloaded: nothing of these waits for Paula any more.
  for (const number of [first, second, third]) await expect(main.getByLabel(`Select ${number}`)).toHaveCount(0);
});
