import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from './fixtures/test';
import { spendingLimitAuthorizers, spendingLimits } from '@/db/schema';
import { minorToInput } from '@/components/catalog/money';
import { formatMoney } from '@/server/domain/money';
import { DEFAULT_QUOTE_VALIDITY_DAYS } from '@/server/domain/quotes/status';
import { followEmailLink, openLatestEmail, signInViaApi, switchUser } from './fixtures/auth';
import { pricedDemoProduct, usd } from './fixtures/catalog';
import { createPerson, e2eDb } from './fixtures/db';
import { DEMO_PASSWORD } from './fixtures/env';
import { trpc } from './fixtures/orders';
import { menuLink } from './fixtures/menu';

const NORTHWIND = 'Northwind Traders';
const REP = 'rep.one@countersign.test';
const GOOD_CARD = '4242424242424242';
const product = pricedDemoProduct();

type Person = Awaited<ReturnType<typeof createPerson>>;

/** A fresh Northwind buyer with a limited budget: orders over `limitMinor` need `authorizer`. */
async function buyerWithLimit(limitMinor: number, authorizer: Person) {
  const buyer = await createPerson({
    organizationName: NORTHWIND,
    roles: ['buyer'],
    mayOrder: true,
    hasLimitedBudget: true,
  });
  const db = e2eDb();
  const [limit] = await db
    .insert(spendingLimits)
    .values({
      organizationId: buyer.organizationId,
      membershipId: buyer.membershipId,
      limitMinor,
      createdAt: new Date(),
    })
    .returning();
  if (!limit) throw new Error('spending limit insert failed');
  await db.insert(spendingLimitAuthorizers).values({ limitId: limit.id, membershipId: authorizer.membershipId });
  return buyer;
}

/** Fills the signed-in buyer's cart and asks for a quote on the cart page; returns the quote number. */
async function askForQuote(page: Page, quantity: number, note: string) {
  await trpc(page, 'cart.clear');
  await trpc(page, 'cart.add', { sku: product.sku, quantity });
  await page.goto('/cart');
  const main = page.getByRole('main');
  await main.locator('summary', { hasText: 'Ask for a quote' }).click();
  const form = main.getByRole('form', { name: 'Ask for a quote' });
  await form.getByLabel('Note for your representative (optional)').fill(note);
  await form.getByRole('button', { name: 'Ask for a quote' }).click();
  await expect(page).toHaveURL(/\/quotes\/Q-\d+\?requested=1$/);
  const number = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
  await expect(main.getByRole('heading', { level: 1, name: `Quote ${number}` })).toBeVisible();
  await expect(main.getByRole('status')).toContainText(`Quote ${number} is requested and your cart is empty.`);
  await expect(main.getByTestId('quote-status')).toHaveText('Waiting for prices');
  return number;
}

test('a quote asked for on the cart page, priced on the desk, ordered from the email at the quoted price, then approved', async ({
  page,
}) => {
  test.slow();
  const approver = await createPerson({
    organizationName: NORTHWIND,
    roles: ['authorizer'],
    mayOrder: false,
    mayAuthorizeOrders: true,
  });
  const buyer = await buyerWithLimit(500, approver);
  const quantity = 3;
  const quotedMinor = Math.round(product.northwindPriceMinor * 0.9);
  const note = `Yearly volume ${randomUUID().slice(0, 6)}`;

  // The buyer asks for a quote; the cart is emptied and the quote is listed under "Quotes".
  await signInViaApi(page, buyer.email);
  const number = await askForQuote(page, quantity, note);
  const main = page.getByRole('main');
  await expect(main.getByRole('table', { name: 'Lines of the quote' })).toContainText(product.sku);
  await (await menuLink(page, 'Store menu', 'Quotes', { exact: true })).click();
  await expect(main.getByRole('heading', { level: 1, name: 'Quotes' })).toBeVisible();
  await expect(main.getByRole('link', { name: number })).toBeVisible();
  await page.goto('/cart');
  await expect(main.getByRole('heading', { name: 'Your cart is empty' })).toBeVisible();

  // The representative finds it on the desk, waiting for prices, and prices it.
  await switchUser(page, REP);
  await page.goto('/staff');
  await (await menuLink(page, 'Staff menu', 'Quotes', { exact: true })).click();
  await expect(main.getByRole('heading', { level: 1, name: 'Quotes' })).toBeVisible();
  await expect(
    main.getByRole('navigation', { name: 'Quotes by status' }).getByRole('link', { name: 'Waiting for prices' }),
  ).toHaveAttribute('aria-current', 'page');
  await main.getByRole('link', { name: number, exact: true }).click();
  await expect(main.getByRole('heading', { level: 1, name: `Quote ${number}` })).toBeVisible();
  const request = main.getByRole('region', { name: 'Request', exact: true });
  await expect(request).toContainText(NORTHWIND);
  await expect(request).toContainText(buyer.name);
  await expect(request).toContainText(note);

  const pricing = main.getByRole('form', { name: `Price quote ${number}` });
  await expect(pricing).toContainText(`Contract price ${usd(product.northwindPriceMinor)} per`);
  const price = pricing.getByLabel('Line 1 unit price, USD');
  await expect(price).toHaveValue(minorToInput(product.northwindPriceMinor, 'USD'));
  const validUntil = new Date(Date.now() + DEFAULT_QUOTE_VALIDITY_DAYS * 24 * 60 * 60 * 1000)
    .toISOString()
    .slice(0, 10);
  await expect(pricing.getByLabel('Prices hold until')).toHaveValue(validUntil);

  // A price that is not an amount is refused beside its line.
  await price.fill('twelve');
  await pricing.getByRole('button', { name: 'Save prices' }).click();
  await expect(pricing.getByText('Enter a price in USD for line 1, like 12.50.')).toBeVisible();
  await expect(price).toHaveAttribute('aria-invalid', 'true');

  await price.fill(minorToInput(quotedMinor, 'USD'));
  await expect(pricing.getByTestId('pricing-total')).toHaveText(usd(quotedMinor * quantity));
  await pricing.getByLabel('Note for the buyer (optional)').fill('Volume price, thanks for asking.');
  await pricing.getByRole('button', { name: 'Save prices' }).click();
  await expect(main.getByRole('status')).toHaveText(
    `Prices saved. ${buyer.name} is emailed that quote ${number} is ready.`,
  );
  await expect(main.getByTestId('quote-status')).toHaveText('Priced — ready to order');

  // The buyer reads the email, follows its link (signing in on the way) and orders the quote.
  await page.context().clearCookies();
  await openLatestEmail(page, buyer.email, `Your quote ${number} is ready`);
  const mail = page.frameLocator('iframe.mail-frame').locator('body');
  await expect(mail).toContainText(`Quote ${number} is priced at ${formatMoney(quotedMinor * quantity, 'USD')}`);
  await expect(mail).toContainText(`until ${validUntil}`);
  await followEmailLink(page, `/quotes/${number}`);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await page.getByLabel('Email address').fill(buyer.email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(new RegExp(`/quotes/${number}$`));

  await expect(main.getByTestId('quote-status')).toHaveText('Priced — ready to order');
  const lines = main.getByRole('table', { name: 'Lines of the quote' });
  await expect(lines).toContainText(usd(quotedMinor));
  await expect(main.getByTestId('quote-total')).toHaveText(usd(quotedMinor * quantity));
  await expect(main.getByTestId('seller-note')).toHaveText('Volume price, thanks for asking.');

  const order = main.getByRole('form', { name: 'Order this quote' });
  await expect(order.getByTestId('quote-approval')).toContainText(
    `This order needs approval from Spending limit over $5.00 per order — ${approver.name}.`,
  );
  await order.getByRole('radio', { name: 'Card', exact: true }).check();
  await order.getByRole('button', { name: 'Order at these prices' }).click();
  await expect(order.getByText('Enter the card number.')).toBeVisible();
  await order.getByLabel('Card number').fill(GOOD_CARD);
  const po = `PO-${randomUUID().slice(0, 8)}`;
  await order.getByLabel('Your PO number (optional)').fill(po);
  await order.getByRole('button', { name: 'Order at these prices' }).click();

  // The order page: at the quoted price, waiting for the authorizer.
  await expect(page).toHaveURL(/\/orders\/[A-Za-z0-9-]+\?placed=1$/);
  const orderNumber = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
  await expect(main.getByRole('heading', { level: 1, name: `Order ${orderNumber}` })).toBeVisible();
  await expect(main.locator('.lede')).toContainText('Waiting for approval');
  await expect(main.getByRole('table', { name: 'Items of the order' })).toContainText(usd(quotedMinor));
  await expect(main.getByRole('table', { name: 'Items of the order' })).toContainText(usd(quotedMinor * quantity));
  await expect(main).toContainText(po);

  // The quote says what it became, and can no longer be ordered or withdrawn.
  await page.goto(`/quotes/${number}`);
  await expect(main.getByTestId('quote-status')).toHaveText('Ordered');
  await expect(main.getByRole('link', { name: orderNumber })).toBeVisible();
  await expect(main.getByRole('form', { name: 'Order this quote' })).toHaveCount(0);
  await expect(main.getByRole('button', { name: 'Withdraw this quote' })).toHaveCount(0);

  // The authorizer approves it on the authorization page.
  await switchUser(page, approver.email);
  await page.goto(`/authorizations/${orderNumber}`);
  await main.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(main.getByRole('status')).toContainText(`You approved order ${orderNumber}.`);

  // The buyer sees the order confirmed (another spec may release it to fulfillment at any moment).
  await switchUser(page, buyer.email);
  await page.goto(`/orders/${orderNumber}`);
  await expect(main.locator('.lede')).toContainText(/Confirmed|Released to fulfillment/);
  await expect(main.getByRole('table', { name: 'Items of the order' })).toContainText(usd(quotedMinor));
});

test('a buyer withdraws a request after confirming; the desk rejects another with a reason the buyer reads', async ({
  page,
}) => {
  test.slow();
  const buyer = await createPerson({ organizationName: NORTHWIND, roles: ['buyer'], mayOrder: true });
  await signInViaApi(page, buyer.email);
  const main = page.getByRole('main');

  const withdrawn = await askForQuote(page, 2, 'Changed our mind later');
  await main.getByRole('button', { name: 'Withdraw this quote' }).click();
  const confirm = main.getByRole('group', { name: 'Withdraw the quote' });
  await expect(confirm).toContainText(`Withdraw quote ${withdrawn}?`);
  await confirm.getByRole('button', { name: 'Keep the quote' }).click();
  await expect(main.getByTestId('quote-status')).toHaveText('Waiting for prices');
  await main.getByRole('button', { name: 'Withdraw this quote' }).click();
  await main
    .getByRole('group', { name: 'Withdraw the quote' })
    .getByRole('button', { name: 'Yes, withdraw it' })
    .click();
  await expect(main.getByRole('status')).toHaveText(`Quote ${withdrawn} is withdrawn.`);
  await expect(main.getByTestId('quote-status')).toHaveText('Withdrawn');
  await expect(main.getByRole('button', { name: 'Withdraw this quote' })).toHaveCount(0);

  const rejected = await askForQuote(page, 1, 'Best price please');
  await switchUser(page, REP);
  await page.goto(`/staff/quotes/${rejected}`);
  const reject = main.getByRole('form', { name: `Reject quote ${rejected}` });
  await reject.getByRole('button', { name: 'Reject the quote' }).click();
  await expect(reject.getByText('Tell the buyer why.')).toBeVisible();
  await reject.getByLabel('Reason for the buyer').fill('This item is discontinued next month.');
  await reject.getByRole('button', { name: 'Reject the quote' }).click();
  await expect(main.getByRole('status')).toHaveText(
    `Quote ${rejected} is rejected. ${buyer.name} is emailed your reason.`,
  );
  await expect(main.getByTestId('quote-status')).toHaveText('Rejected by the seller');
  await expect(main.getByRole('form', { name: `Price quote ${rejected}` })).toHaveCount(0);

  await switchUser(page, buyer.email);
  await openLatestEmail(page, buyer.email, `Your quote ${rejected} was declined`);
  await page.goto('/quotes?status=rejected');
  await expect(main.getByTestId('quote-count')).toHaveText('1 quote');
  await main.getByRole('link', { name: rejected, exact: true }).click();
  await expect(main.getByTestId('quote-status')).toHaveText('Rejected by the seller');
  await expect(main.getByTestId('seller-note')).toHaveText('This item is discontinued next month.');
  await page.goto('/quotes?status=withdrawn');
  await expect(main.getByRole('link', { name: withdrawn, exact: true })).toBeVisible();
});
