import { expect, test, type Page } from './fixtures/test';
import { eq } from 'drizzle-orm';
import { approvalSteps, orders } from '@/db/schema';
import { openLatestEmail, signInViaApi } from './fixtures/auth';
import { e2eDb } from './fixtures/db';
import {
  addVirtualAuthenticator,
  registerPasskeyInAccount,
  signInTrustedViaApi,
  tapCounter,
} from './fixtures/passkeys';
import { newAuthorizer, orderWaitingFor } from './fixtures/approvals';

/** The link in the open email that leads to the order's approval page. */
const approvalLink = (page: Page, number: string) =>
  page
    .getByRole('region', { name: 'Links in this email' })
    .getByRole('link', { name: new RegExp(`/authorizations/${number}`) })
    .first();

/** Whether the approval step of the order was approved by the authorizer, as the database has it. */
async function approvedBy(number: string, userId: string) {
  const db = e2eDb();
  const [order] = await db.select({ id: orders.id }).from(orders).where(eq(orders.number, number));
  if (!order) throw new Error(`no order ${number}`);
  const steps = await db
    .select({ status: approvalSteps.status, decidedByUserId: approvalSteps.decidedByUserId })
    .from(approvalSteps)
    .where(eq(approvalSteps.orderId, order.id));
  return steps.some((step) => step.status === 'approved' && step.decidedByUserId === userId);
}

test('on a trusted phone: open the email’s link, Approve — two taps to a recorded decision', async ({ page }) => {
  const approver = await newAuthorizer();
  const { requester, placed } = await orderWaitingFor(page, approver);
  await page.context().clearCookies();
  await signInTrustedViaApi(page, approver.email);

  await openLatestEmail(page, approver.email, `Order ${placed.number} from ${requester.name} needs your approval`);
  const taps = tapCounter();
  await taps.tap(approvalLink(page, placed.number));
  await expect(page).toHaveURL(new RegExp(`/authorizations/${placed.number}$`));
  const main = page.getByRole('main');
  await taps.tap(main.getByRole('button', { name: 'Approve', exact: true }));
  await expect(main.getByRole('status')).toContainText(`You approved order ${placed.number}.`);

  expect(taps.count).toBe(2);
  expect(await approvedBy(placed.number, approver.userId)).toBe(true);
});

test('signed out, with a passkey: open the email’s link, Use a passkey, Approve — three taps', async ({ page }) => {
  await addVirtualAuthenticator(page);
  const approver = await newAuthorizer();
  const { requester, placed } = await orderWaitingFor(page, approver);
  await page.context().clearCookies();
  await signInViaApi(page, approver.email);
  await registerPasskeyInAccount(page, 'My phone');
  await page.context().clearCookies();

  await openLatestEmail(page, approver.email, `Order ${placed.number} from ${requester.name} needs your approval`);
  const taps = tapCounter();
  await taps.tap(approvalLink(page, placed.number));
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await taps.tap(page.getByRole('button', { name: 'Use a passkey' }));
  await expect(page).toHaveURL(new RegExp(`/authorizations/${placed.number}$`));
  const main = page.getByRole('main');
  await taps.tap(main.getByRole('button', { name: 'Approve', exact: true }));
  await expect(main.getByRole('status')).toContainText(`You approved order ${placed.number}.`);

  expect(taps.count).toBe(3);
  expect(await approvedBy(placed.number, approver.userId)).toBe(true);
});
