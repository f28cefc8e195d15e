import { expect, test } from './fixtures/test';
import { followEmailLink, openLatestEmail, switchUser } from './fixtures/auth';
import { newAuthorizer, ordersOverLimit } from './fixtures/approvals';

/**
 * On a phone: the authorizer asks the requester a question instead of deciding; the order shows
 * it waits for the answer (approval page, inbox row, "Questions asked" filter); the requester,
 * emailed, answers on their order page; the authorizer reads the answer and approves.
 */
test('ask the requester, the requester answers on the order page, the authorizer approves', async ({ page }) => {
  const paula = await newAuthorizer();
  const { requester, placed } = await ordersOverLimit(page, [paula]);
  const number = placed[0]?.number;
  if (!number) throw new Error('an order was placed');

  await switchUser(page, paula.email);
  await page.goto(`/authorizations/${number}`);
  const main = page.getByRole('main');
  const thread = main.getByRole('region', { name: 'Questions to the requester' });
  await thread.getByRole('textbox', { name: 'Ask the requester' }).fill('Is this for the Harbor site or the plant?');
  await thread.getByRole('button', { name: 'Send question' }).click();
  await expect(thread.getByRole('status')).toContainText('Your question is sent.');
  await expect(thread.getByTestId('awaiting-answer')).toHaveText('Waiting for the requester’s answer');
  await expect(thread.getByRole('list', { name: 'Questions and answers' })).toContainText(
    'Is this for the Harbor site or the plant?',
  );

  await page.goto('/authorizations?questions=1');
  const row = main.getByRole('listitem').filter({ hasText: number });
  await expect(row).toContainText('Waiting for the requester’s answer');

  // The requester follows the email to the order page and answers there.
  await switchUser(page, requester.email);
  await openLatestEmail(page, requester.email, `${paula.name} has a question about order ${number}`);
  await followEmailLink(page, `/orders/${number}`);
  await expect(page).toHaveURL(new RegExp(`/orders/${number}$`));
  const asked = main.getByRole('region', { name: 'Questions about your order' });
  await expect(asked.getByTestId('awaiting-answer')).toHaveText('Waiting for your answer');
  await expect(asked).toContainText('Is this for the Harbor site or the plant?');
  await asked.getByRole('textbox', { name: 'Your answer' }).fill('For the plant: the Harbor site has its own stock.');
  await asked.getByRole('button', { name: 'Send answer' }).click();
  await expect(asked.getByRole('status')).toContainText('Your answer is sent to the authorizers.');
  await expect(asked.getByTestId('awaiting-answer')).toHaveCount(0);

  await switchUser(page, paula.email);
  await page.goto(`/authorizations/${number}`);
  await expect(thread.getByRole('list', { name: 'Questions and answers' })).toContainText(
    'For the plant: the Harbor site has its own stock.',
  );
  await expect(thread.getByTestId('awaiting-answer')).toHaveCount(0);
  await main.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(main.getByRole('status').filter({ hasText: 'You approved order' })).toContainText(
    `You approved order ${number}.`,
  );
});
