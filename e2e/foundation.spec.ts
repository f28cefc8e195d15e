import { expect, test } from './fixtures/test';
import { openLatestEmail, signInViaApi, signInViaForm } from './fixtures/auth';
import { createPerson, setMembershipActivated } from './fixtures/db';
import { menuLink, openAccountMenu } from './fixtures/menu';

test('a seeded buyer signs in and lands in the web store', async ({ page }) => {
  await signInViaForm(page, 'bob@northwind.test');
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { name: 'Welcome, Bob Buyer' })).toBeVisible();
  await expect(page.getByTestId('active-organization')).toHaveText('Northwind Traders');
  await expect(page.getByRole('navigation', { name: 'Store menu' })).toBeVisible();
});

test('a staff member lands in the staff dashboard', async ({ page }) => {
  await signInViaForm(page, 'admin@countersign.test');
  await expect(page).toHaveURL(/\/staff$/);
  await expect(page.getByRole('heading', { name: 'Staff dashboard' })).toBeVisible();
  await expect(await menuLink(page, 'Staff menu', 'Jobs & email')).toBeVisible();
});

test('a buyer opening a staff page is refused, not just hidden', async ({ page }) => {
  await signInViaApi(page, 'bob@northwind.test');
  const response = await page.goto('/staff/jobs');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'You cannot open this page' })).toBeVisible();
  const api = await page.request.get('/api/trpc/staff.jobs');
  expect(api.status()).toBe(403);
});

test('a wrong password shows the same generic error as an unknown email', async ({ page }) => {
  await signInViaForm(page, 'victor@northwind.test', 'not-the-password');
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('The email address or password is not correct.');
  await signInViaForm(page, 'nobody-here@northwind.test', 'not-the-password');
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('The email address or password is not correct.');
  await expect(page).toHaveURL(/\/sign-in/);
});

test('a user with two memberships switches accounts and sees the other organization', async ({ page }) => {
  await signInViaApi(page, 'morgan@shared.test');
  await page.goto('/');
  const current = (await page.getByTestId('active-organization').textContent()) ?? '';
  const other = current === 'Northwind Traders' ? 'Contoso Manufacturing' : 'Northwind Traders';
  await (await openAccountMenu(page)).getByLabel('Account').selectOption({ label: other });
  await page.getByRole('button', { name: 'Switch' }).click();
  await expect(page.getByTestId('active-organization')).toHaveText(other);
  // The choice is the session's, kept on the server: a reload shows the same account.
  await page.reload();
  await expect(page.getByTestId('active-organization')).toHaveText(other);
});

test('a password reset email arrives in the dev mailbox and its link works once', async ({ page }) => {
  const person = await createPerson({ organizationName: 'Contoso Manufacturing', roles: ['buyer'] });
  await page.goto('/forgot-password');
  await page.getByLabel('Email address').fill(person.email);
  await page.getByRole('button', { name: 'Email me a link' }).click();
  await expect(page.getByRole('main').getByRole('status')).toContainText('If an account uses this address');

  await openLatestEmail(page, person.email, 'Reset your Countersign password');
  const resetLink = page.getByRole('link', { name: /reset-password\?token=/ });
  const href = (await resetLink.getAttribute('href')) ?? '';
  await resetLink.click();
  await page.getByLabel('New password', { exact: true }).fill('a brand new passphrase');
  await page.getByLabel('Repeat the new password').fill('a brand new passphrase');
  await page.getByRole('button', { name: 'Save the new password' }).click();
  await expect(page.getByRole('main').getByRole('status')).toContainText('Your password is changed');

  await signInViaForm(page, person.email, 'a brand new passphrase');
  await expect(page.getByRole('heading', { name: `Welcome, ${person.name}` })).toBeVisible();

  await page.goto(href);
  await expect(page.getByRole('main').getByRole('alert')).toContainText('already been used');
});

test('signing out ends the session on the server, not only in the browser', async ({ page, context }) => {
  await signInViaApi(page, 'gina@contoso.test');
  await page.goto('/');
  const cookies = await context.cookies();
  await (await openAccountMenu(page)).getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await context.addCookies(cookies); // an attacker replaying the old cookie
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in/);
});

test('deactivating a membership refuses its very next request', async ({ page }) => {
  const person = await createPerson({ organizationName: 'Northwind Traders', roles: ['buyer'] });
  await signInViaApi(page, person.email);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: `Welcome, ${person.name}` })).toBeVisible();
  await setMembershipActivated(person.membershipId, false);
  await page.reload();
  await expect(page.getByRole('main').getByRole('alert')).toContainText(
    'Your access to Northwind Traders has been deactivated',
  );
  const api = await page.request.get('/api/trpc/organization.current');
  expect(api.status()).toBe(403);
});

// Node closes an idle keep-alive connection after 5 s by default. A client (a load balancer with a
// 60 s idle timeout, or Playwright's own request context) that reuses the connection just as it is
// closed gets "ECONNRESET" or a 502. The server must keep idle connections longer than its clients.
test('the server keeps an idle connection open longer than a load balancer’s 60 s', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(response.headers()['keep-alive']).toBe('timeout=65');
});
