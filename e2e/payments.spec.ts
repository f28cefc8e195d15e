import { expect, test } from './fixtures/test';
import { openLatestEmail, signInViaApi, switchUser } from './fixtures/auth';
import { pricedDemoProduct } from './fixtures/catalog';
import { createPerson } from './fixtures/db';
import { placeOrderViaApi } from './fixtures/orders';
import { menuLink } from './fixtures/menu';

const product = pricedDemoProduct();
const CARD_NEEDS_REVIEW = '4000000000009235';

test('a card payment that needs a review is approved by the payment reviewer; the order is confirmed and the buyer told', async ({
  page,
}) => {
  // A buyer of their own: the desktop and phone runs place separate orders.
  const buyer = await createPerson({ organizationName: 'Northwind Traders', roles: ['buyer'] });
  await signInViaApi(page, buyer.email);
  const placed = await placeOrderViaApi(page, {
    lines: [{ sku: product.sku, quantity: 1 }],
    paymentMethod: 'card',
    cardNumber: CARD_NEEDS_REVIEW,
  });
  expect(placed.status).toBe('payment_review');

  await switchUser(page, 'payments@countersign.test');
  await page.goto('/staff');
  await (await menuLink(page, 'Staff menu', 'Payment review')).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Payment review' })).toBeVisible();
  const main = page.getByRole('main');
  const review = main.getByRole('region', { name: new RegExp(`^${placed.number} · `) });
  await expect(review).toContainText(buyer.email);
  await expect(review).toContainText('Card ending 9235');
  await expect(review).toContainText('The card payment needs a manual review.');

  await review.getByRole('button', { name: `Approve the payment of ${placed.number}` }).click();
  await expect(review.getByRole('status')).toContainText(
    `Payment approved: order ${placed.number} is now confirmed. The buyer is emailed.`,
  );
  await review.getByRole('link', { name: `Open order ${placed.number}` }).click();

  await expect(page.getByRole('heading', { level: 1, name: `Order ${placed.number}` })).toBeVisible();
  const history = main.getByRole('list', { name: 'History' });
  await expect(history).toContainText('Paul Payments — Payment approved by Paul Payments.');
  await expect(history).toContainText('Payment under review → Confirmed');
  // Another spec may run the release job at any moment; until then the order stands at Confirmed.
  await expect(main.getByTestId('order-status')).toHaveText(/^(Confirmed|Released to fulfillment)$/);
  await expect(main.getByRole('region', { name: 'Payment' })).toContainText('Card authorized');

  await openLatestEmail(page, buyer.email, `Payment accepted for order ${placed.number}`);
  await expect(page.frameLocator('iframe.mail-frame').locator('body')).toContainText(
    `We reviewed the payment of order ${placed.number} and accepted it.`,
  );
});

test('a fulfillment clerk cannot open the payment review', async ({ page }) => {
  await signInViaApi(page, 'fulfillment@countersign.test');
  await page.goto('/staff');
  await expect(page.getByRole('navigation', { name: 'Staff menu' }).locator('a[href="/staff/payments"]')).toHaveCount(
    0,
  );
  expect((await page.goto('/staff/payments'))?.status()).toBe(403);
});
