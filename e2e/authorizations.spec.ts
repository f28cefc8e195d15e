import { randomUUID } from 'node:crypto';
import { expect, test, type Browser, type Page } from './fixtures/test';
import { and, eq, inArray } from 'drizzle-orm';
import { approvalRules, approvalSteps, membershipRoles, memberships, orders, roles, users } from '@/db/schema';
import { demoCatalog } from '@/server/launch/seed/catalog-demo';
import { discountedMinor } from '@/server/domain/catalog/pricing';
import { followEmailLink, openLatestEmail, signInViaApi, switchUser } from './fixtures/auth';
import { NORTHWIND_DISCOUNT_BASIS_POINTS, pricedDemoProduct } from './fixtures/catalog';
import { createPerson, e2eDb } from './fixtures/db';
import { openBeforeHydration } from './fixtures/hydration';
import { DEMO_PASSWORD, E2E_BASE_URL } from './fixtures/env';
import { placeOrderViaApi, trpc } from './fixtures/orders';
import { newAuthorizer, orderWaitingForAnyOf } from './fixtures/approvals';

const NORTHWIND = 'Northwind Traders';
const GOOD_CARD = '4242424242424242';
const product = pricedDemoProduct();

const storeMenu = (page: Page) => page.getByRole('navigation', { name: 'Store menu' });
const inboxLink = (page: Page, waiting: number) =>
  storeMenu(page).getByRole('link', {
    name: waiting > 0 ? `Authorizations, ${waiting} waiting` : 'Authorizations',
    exact: true,
  });

test('feedback typed while the approval page is still loading is kept and sent with the approval', async ({ page }) => {
  const approver = await newAuthorizer();
  const { placed } = await orderWaitingForAnyOf(page, [approver]);

  await switchUser(page, approver.email);
  const release = await openBeforeHydration(page, `/authorizations/${placed.number}`);
  const main = page.getByRole('main');
  await main.getByLabel('Feedback for the requester').fill('Typed before the page was ready.');
  release();
  await main.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(main.getByRole('status')).toContainText(`You approved order ${placed.number}.`);
  await expect(main.getByRole('list', { name: 'Approval steps' })).toContainText('“Typed before the page was ready.”');
});

test('an order over a sub-account’s limit: the authorizer follows the email link, signs in, approves; the requester is told and the order goes on', async ({
  page,
}) => {
  const approver = await newAuthorizer();
  const { requester, placed } = await orderWaitingForAnyOf(page, [approver]);
  expect(placed.status).toBe('pending_approval');

  // Signed out, the authorizer opens the email and its link, and signs in on the way.
  await page.context().clearCookies();
  await openLatestEmail(page, approver.email, `Order ${placed.number} from ${requester.name} needs your approval`);
  await followEmailLink(page, `/authorizations/${placed.number}`);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await page.getByLabel('Email address').fill(approver.email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page).toHaveURL(new RegExp(`/authorizations/${placed.number}$`));
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1, name: `Order ${placed.number}` })).toBeVisible();
  await expect(inboxLink(page, 1)).toBeVisible();
  const asked = main.getByRole('region', { name: 'What is asked' });
  await expect(asked).toContainText(requester.name);
  await expect(asked.getByRole('list', { name: 'What the order holds' })).toHaveText(`1 × ${product.name}`);
  await expect(asked.getByTestId('approval-why')).toHaveText('Needs approval: Spending limit over $5.00 per order');
  // The decision is in the first screen on arrival, without scrolling: on a phone in the bar at the bottom.
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await expect(main.getByRole('button', { name: 'Approve', exact: true })).toBeInViewport({ ratio: 1 });
  await expect(main.getByRole('button', { name: 'Decline' })).toBeInViewport({ ratio: 1 });
  const steps = main.getByRole('list', { name: 'Approval steps' });
  await expect(steps).toContainText('Spending limit over $5.00 per order');
  await expect(steps).toContainText('Waiting for a decision');
  await expect(steps).toContainText(`${approver.name} (you)`);

  await main.getByLabel('Feedback for the requester').fill('Fine, thanks for asking.');
  await main.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(main.getByRole('status')).toContainText(`You approved order ${placed.number}.`);
  await expect(steps).toContainText(`Approved by ${approver.name} (you)`);
  await expect(steps).toContainText('“Fine, thanks for asking.”');
  await expect(inboxLink(page, 0)).toBeVisible();
  await expect(main.getByRole('button', { name: 'Cancel my decision' })).toBeVisible();

  // The inbox lists it under Approved now, no longer under Pending.
  await inboxLink(page, 0).click();
  await expect(main.getByRole('heading', { level: 1, name: 'Authorizations' })).toBeVisible();
  await expect(main.getByRole('link', { name: `Review order ${placed.number} from ${requester.name}` })).toHaveCount(0);
  await main
    .getByRole('navigation', { name: 'Authorizations by state' })
    .getByRole('link', { name: 'Approved' })
    .click();
  await expect(page).toHaveURL(/state=approved/);
  await expect(main.getByRole('link', { name: `View order ${placed.number} from ${requester.name}` })).toBeVisible();

  // The requester reads the outcome and sees the order confirmed.
  await page.context().clearCookies();
  await openLatestEmail(page, requester.email, `Order ${placed.number} is approved`);
  await expect(page.frameLocator('iframe.mail-frame').locator('body')).toContainText(
    `${approver.name} approved order ${placed.number}.`,
  );
  await expect(page.frameLocator('iframe.mail-frame').locator('body')).toContainText('Fine, thanks for asking.');
  await signInViaApi(page, requester.email);
  await page.goto(`/orders/${placed.number}`);
  // Another spec may run the release job at any moment; until then the order stands at Confirmed.
  await expect(page.getByRole('main')).toContainText(/Confirmed|Released to fulfillment/);
  expect((await trpc<{ status: string }>(page, 'orders.get', { number: placed.number }, 'query')).status).toMatch(
    /^(payment_authorized|released)$/,
  );
});

test('a decline needs feedback, which the requester reads; cancelling the decision puts the order back; a late second authorizer is told who decided', async ({
  page,
  browser,
}) => {
  const first = await newAuthorizer();
  const second = await newAuthorizer();
  const { requester, placed } = await orderWaitingForAnyOf(page, [first, second]);
  expect(placed.status).toBe('pending_approval');

  // From the inbox: search by number, then open the order.
  await switchUser(page, first.email);
  await page.goto('/');
  await inboxLink(page, 1).click();
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1, name: 'Authorizations' })).toBeVisible();
  await main.getByLabel('Order number').fill(placed.number);
  await main.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(new RegExp(`q=${placed.number}`));
  await expect(main.getByTestId('inbox-count')).toHaveText('1 order');
  await main.getByRole('link', { name: `Review order ${placed.number} from ${requester.name}` }).click();
  await expect(main.getByRole('heading', { level: 1, name: `Order ${placed.number}` })).toBeVisible();

  // Declining without a word is refused beside the field.
  await main.getByRole('button', { name: 'Decline' }).click();
  const feedback = main.getByLabel('Feedback for the requester');
  await expect(main.getByText('Tell the requester why you decline.')).toBeVisible();
  await expect(feedback).toHaveAttribute('aria-invalid', 'true');
  await expect(feedback).toBeFocused();
  await feedback.fill('Split it by cost center, please.');
  await main.getByRole('button', { name: 'Decline' }).click();
  await expect(main.getByRole('status')).toContainText(
    `You declined order ${placed.number}. ${requester.name} is emailed your feedback`,
  );
  const steps = main.getByRole('list', { name: 'Approval steps' });
  await expect(steps).toContainText(`Declined by ${first.name} (you)`);
  await expect(steps).toContainText('“Split it by cost center, please.”');
  await expect(main.getByTestId('order-status')).toHaveText('Declined');
  await expect(inboxLink(page, 0)).toBeVisible();

  // The requester's email carries the feedback.
  await openLatestEmail(page, requester.email, `Order ${placed.number} was declined`);
  await expect(page.frameLocator('iframe.mail-frame').locator('body')).toContainText(
    'Feedback: “Split it by cost center, please.”',
  );

  // A mistake: the authorizer cancels the decision and the order waits again.
  await page.goto(`/authorizations/${placed.number}`);
  await main.getByRole('button', { name: 'Cancel my decision' }).click();
  await main.getByRole('button', { name: 'Yes, cancel my decision' }).click();
  await expect(main.getByRole('status')).toHaveText('Your decision is canceled. The order waits for a decision again.');
  await expect(main.getByTestId('order-status')).toHaveText('Waiting for approval');
  await expect(steps).toContainText('Waiting for a decision');
  await expect(inboxLink(page, 1)).toBeVisible();
  await expect(main.getByRole('button', { name: 'Approve', exact: true })).toBeEnabled();

  // Meanwhile the other authorizer approves; this one's approval loses and says who won.
  const other = await browser.newContext({ baseURL: E2E_BASE_URL });
  const otherPage = await other.newPage();
  await signInViaApi(otherPage, second.email);
  await trpc(otherPage, 'authorizations.approve', { number: placed.number });
  await other.close();
  await main.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(main.getByRole('alert')).toContainText(
    new RegExp(`^Already approved by ${second.name} at [A-Z][a-z]{2} \\d{1,2}, \\d{4}, \\d{1,2}:\\d\\d [AP]M UTC\\.$`),
  );
  await expect(steps).toContainText(`Approved by ${second.name}`);
  await expect(main.getByRole('button', { name: 'Approve', exact: true })).toHaveCount(0);
});

/**
 * Approves, as one of their authorizers, the pending steps of this tier that the test's own
 * authorizers are not named on: the organization-wide rules of the demo data apply to every
 * large Northwind order too.
 */
async function approveOthers(browser: Browser, number: string, tier: number, mine: string[]) {
  const db = e2eDb();
  const [order] = await db.select({ id: orders.id }).from(orders).where(eq(orders.number, number));
  if (!order) throw new Error(`no order ${number}`);
  const steps = await db
    .select()
    .from(approvalSteps)
    .where(and(eq(approvalSteps.orderId, order.id), eq(approvalSteps.tier, tier), eq(approvalSteps.status, 'pending')));
  for (const step of steps.filter(
    (candidate) => !candidate.authorizers.some((person) => mine.includes(person.membershipId)),
  )) {
    const [person] = await db
      .select({ email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.id, step.authorizers[0]?.membershipId ?? ''));
    if (!person) throw new Error(`no authorizer for ${step.label}`);
    const context = await browser.newContext({ baseURL: E2E_BASE_URL });
    const other = await context.newPage();
    await signInViaApi(other, person.email);
    await trpc(other, 'authorizations.approve', { number });
    await context.close();
  }
}

/** The most expensive product Northwind buys, in stock at both centers, and its price to them. */
function costlyProduct() {
  const found = demoCatalog()
    .filter(
      (candidate) =>
        candidate.active &&
        candidate.prices['Preferred USD'] &&
        candidate.onHand.EAST > 20 &&
        candidate.onHand.WEST > 20,
    )
    .sort((a, b) => (b.prices['Preferred USD'] ?? 0) - (a.prices['Preferred USD'] ?? 0))[0];
  if (!found) throw new Error('the demo catalog has no costly product in stock');
  return {
    sku: found.sku,
    priceMinor: discountedMinor(found.prices['Preferred USD'] ?? 0, NORTHWIND_DISCOUNT_BASIS_POINTS),
  };
}

test('over 10,000 the purchasing manager approves; over 15,000 then the finance manager, who waits for the earlier approval', async ({
  page,
  browser,
}) => {
  const db = e2eDb();
  const id = randomUUID().slice(0, 8);
  const [buyer, pat, fay] = [
    await createPerson({ organizationName: NORTHWIND, roles: ['buyer'] }),
    await newAuthorizer(),
    await newAuthorizer(),
  ];
  const { organizationId } = buyer;
  const [audience, purchasing, finance] = await db
    .insert(roles)
    .values([
      { organizationId, side: 'buyer', name: `E2E Requesters ${id}`, permissions: ['orders.place'] },
      { organizationId, side: 'buyer', name: `E2E Purchasing manager ${id}`, permissions: ['orders.approve'] },
      { organizationId, side: 'buyer', name: `E2E Finance manager ${id}`, permissions: ['orders.approve'] },
    ])
    .returning();
  if (!audience || !purchasing || !finance) throw new Error('role insert failed');
  await db.insert(membershipRoles).values([
    { membershipId: buyer.membershipId, roleId: audience.id },
    { membershipId: pat.membershipId, roleId: purchasing.id },
    { membershipId: fay.membershipId, roleId: finance.id },
  ]);
  // Only this test's requester is in the rules' audience: Northwind's other orders are untouched.
  const rule = (name: string, valueMinor: number, roleId: string, tier: number) => ({
    organizationId,
    name: `${name} ${id}`,
    tier,
    conditions: [{ field: 'order_total' as const, comparator: '>' as const, value: valueMinor }],
    appliesTo: { kind: 'roles' as const, roleIds: [audience.id] },
    approvers: { kind: 'role' as const, roleId },
    createdAt: new Date(),
    updatedAt: new Date(),
  });
  const rules = await db
    .insert(approvalRules)
    .values([rule('E2E Over 10,000', 1_000_000, purchasing.id, 1), rule('E2E Over 15,000', 1_500_000, finance.id, 2)])
    .returning();

  try {
    const costly = costlyProduct();
    const quantity = Math.floor(1_500_000 / costly.priceMinor) + 1;
    await signInViaApi(page, buyer.email);
    const placed = await placeOrderViaApi(page, {
      lines: [{ sku: costly.sku, quantity }],
      paymentMethod: 'card',
      cardNumber: GOOD_CARD,
    });
    expect(placed.status).toBe('pending_approval');
    const main = page.getByRole('main');

    // The finance manager's turn has not come: nothing waits for them, the order is under "Waiting".
    await switchUser(page, fay.email);
    await page.goto('/authorizations');
    await expect(inboxLink(page, 0)).toBeVisible();
    await expect(main.getByText('Nothing waits for your decision.')).toBeVisible();
    await main
      .getByRole('navigation', { name: 'Authorizations by state' })
      .getByRole('link', { name: 'Waiting for earlier approval' })
      .click();
    await main.getByRole('link', { name: `View order ${placed.number} from ${buyer.name}` }).click();
    await expect(main.getByRole('region', { name: 'Decision' })).toContainText(
      'This order is waiting for an earlier approval; you can decide once it is given.',
    );
    await expect(main.getByRole('button', { name: 'Approve', exact: true })).toHaveCount(0);
    const steps = main.getByRole('list', { name: 'Approval steps' });
    const tier1 = steps.getByTestId('approval-step').filter({ hasText: `1. E2E Over 10,000 ${id}` });
    const tier2 = steps.getByTestId('approval-step').filter({ hasText: `2. E2E Over 15,000 ${id}` });
    await expect(tier1).toContainText('Waiting for a decision');
    await expect(tier1).toContainText(`Any one of: ${pat.name}`);
    await expect(tier2).toContainText('Waiting for an earlier approval');
    await expect(tier2).toContainText(`Any one of: ${fay.name} (you)`);

    // The purchasing manager approves the first tier.
    await switchUser(page, pat.email);
    await page.goto('/');
    await inboxLink(page, 1).click();
    await main.getByRole('link', { name: `Review order ${placed.number} from ${buyer.name}` }).click();
    await main.getByRole('button', { name: 'Approve', exact: true }).click();
    await expect(main.getByRole('status')).toContainText(
      `You approved order ${placed.number}. It still needs other approvals`,
    );
    await expect(tier1).toContainText(`Approved by ${pat.name} (you)`);
    await expect(inboxLink(page, 0)).toBeVisible();
    await approveOthers(browser, placed.number, 1, [pat.membershipId]);
    await page.reload();
    await expect(tier2).toContainText('Waiting for a decision');

    // Now it is the finance manager's turn; the last approval sends the order on.
    await switchUser(page, fay.email);
    await openLatestEmail(page, fay.email, `Order ${placed.number} from ${buyer.name} needs your approval`);
    await followEmailLink(page, `/authorizations/${placed.number}`);
    await expect(inboxLink(page, 1)).toBeVisible();
    await expect(tier1).toContainText(`Approved by ${pat.name}`);
    await main.getByRole('button', { name: 'Approve', exact: true }).click();
    await expect(main.getByRole('status')).toContainText(`You approved order ${placed.number}.`);
    await expect(tier2).toContainText(`Approved by ${fay.name} (you)`);
    await expect(inboxLink(page, 0)).toBeVisible();
    await approveOthers(browser, placed.number, 2, [fay.membershipId]);
    await page.reload();
    await expect(main.getByTestId('order-status')).toHaveText(/^(Confirmed|Backordered|Released to fulfillment)$/);
  } finally {
    await db.delete(approvalRules).where(
      inArray(
        approvalRules.id,
        rules.map((row) => row.id),
      ),
    );
  }
});
