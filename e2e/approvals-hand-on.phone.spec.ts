import { expect, test } from './fixtures/test';
import { switchUser } from './fixtures/auth';
import { newAuthorizer, ordersOverLimit } from './fixtures/approvals';

/**
 * On a phone: an authorizer hands their step on to a colleague with a note; the order leaves their
 * inbox and arrives in the colleague's, whose approval page says who handed it on and why; the
 * colleague approves.
 */
test('hand a step on, and the new authorizer approves', async ({ page }) => {
  const [paula, dana] = [await newAuthorizer(), await newAuthorizer()];
  const { placed } = await ordersOverLimit(page, [paula]);
  const number = placed[0]?.number;
  if (!number) throw new Error('an order was placed');

  await switchUser(page, paula.email);
  await page.goto(`/authorizations/${number}`);
  const main = page.getByRole('main');
  const handOn = main.getByRole('region', { name: 'Hand it on' });
  await handOn.getByText('Someone else should decide this: hand your place on').click();
  // Only members who may receive it are offered: the requester is not.
  await handOn.getByLabel('Hand it to').selectOption({ label: dana.name });
  await handOn.getByLabel('Note').fill('on leave until Monday');
  await handOn.getByRole('button', { name: 'Hand it on' }).click();
  await expect(handOn.getByRole('status')).toContainText(`Order ${number} is now with ${dana.name}`);

  await page.goto('/authorizations');
  await expect(main.getByRole('link', { name: new RegExp(`order ${number} `) })).toHaveCount(0);

  await switchUser(page, dana.email);
  await page.goto('/authorizations');
  await main.getByRole('link', { name: new RegExp(`Review order ${number} `) }).click();
  await expect(page).toHaveURL(new RegExp(`/authorizations/${number}$`));
  await expect(main.getByTestId('handed-on')).toContainText(
    `${paula.name} handed this to ${dana.name}: on leave until Monday`,
  );
  await main.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(main.getByRole('status').filter({ hasText: 'You approved order' })).toContainText(
    `You approved order ${number}.`,
  );
});
