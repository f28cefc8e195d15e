import { expect, test, type Page } from './fixtures/test';
import { Secret, TOTP } from 'otpauth';
import { signInViaApi, signInViaForm } from './fixtures/auth';
import { createOrganizationWithPerson, createPerson } from './fixtures/db';
import { E2E_BASE_URL } from './fixtures/env';

/** The authenticator app, played by the test from the key the page shows. */
class Authenticator {
  private lastStep = -1;
  private readonly totp: TOTP;

  constructor(secret: string) {
    this.totp = new TOTP({ secret: Secret.fromBase32(secret.replace(/\s/g, '')), digits: 6, period: 30 });
  }

  /**
   * A code the server has not seen yet: the current step's, or the next one's when the current one
   * was used (the server takes one step ahead); waits when even that was used.
   */
  async nextCode(): Promise<string> {
    for (;;) {
      const current = this.totp.counter();
      const step = Math.max(current, this.lastStep + 1);
      if (step <= current + 1) {
        this.lastStep = step;
        return this.totp.generate({ timestamp: step * 30_000 + 1_000 });
      }
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}

const codeField = (page: Page) => page.getByRole('textbox', { name: 'Code from your authenticator app' });
const secondFactorSection = (page: Page) => page.getByRole('region', { name: 'Second factor' });

/** Sets up the authenticator app on the page open at its set-up button; answers the app and the recovery codes. */
async function setUpAuthenticator(page: Page, doneLabel: RegExp) {
  await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
  await expect(page.getByRole('img', { name: 'QR code to scan with your authenticator app' })).toBeVisible();
  const secret = (await page.getByTestId('totp-secret').textContent()) ?? '';
  expect(secret.replace(/\s/g, '')).toMatch(/^[A-Z2-7]{32}$/);
  const app = new Authenticator(secret);
  await codeField(page).fill(await app.nextCode());
  await page.getByRole('button', { name: 'Confirm and turn on' }).click();
  const list = page.getByRole('list', { name: 'Recovery codes' });
  await expect(list.getByRole('listitem')).toHaveCount(10);
  const recoveryCodes = await list.getByRole('listitem').allTextContents();
  await page.getByRole('button', { name: doneLabel }).click();
  return { app, recoveryCodes };
}

async function signOutHere(page: Page) {
  await page.context().clearCookies();
}

test('a member sets up an authenticator app, then signs in with the password and a code', async ({ page }) => {
  test.setTimeout(90_000);
  const member = await createPerson({ organizationName: 'Northwind Traders', roles: ['buyer'] });
  await signInViaApi(page, member.email);
  await page.goto('/account');
  const section = secondFactorSection(page);
  const { app } = await setUpAuthenticator(page, /^I have saved them$/);
  await expect(section).toContainText('On');
  await expect(section).toContainText('10 of 10 recovery codes left');

  await signOutHere(page);
  await signInViaForm(page, member.email);
  await expect(codeField(page)).toBeVisible();
  // The half-open session is good for nothing else: the store sends it back to the code.
  await page.goto('/cart');
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(codeField(page)).toBeVisible();

  await codeField(page).fill('000000');
  await page.getByRole('button', { name: 'Finish signing in' }).click();
  await expect(page.getByText('That code is not right')).toBeVisible();
  await codeField(page).fill(await app.nextCode());
  await page.getByRole('button', { name: 'Finish signing in' }).click();
  await expect(page).toHaveURL(/\/cart$/);
});

test('a recovery code signs in once, and not twice', async ({ page }) => {
  test.setTimeout(90_000);
  const member = await createPerson({ organizationName: 'Northwind Traders', roles: ['buyer'] });
  await signInViaApi(page, member.email);
  await page.goto('/account');
  const { recoveryCodes } = await setUpAuthenticator(page, /^I have saved them$/);
  const [recovery] = recoveryCodes;
  if (!recovery) throw new Error('no recovery code shown');

  await signOutHere(page);
  await signInViaForm(page, member.email);
  await codeField(page).fill(recovery);
  await page.getByRole('button', { name: 'Finish signing in' }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
  await page.goto('/account');
  await expect(secondFactorSection(page)).toContainText('9 of 10 recovery codes left');

  await signOutHere(page);
  await signInViaForm(page, member.email);
  await codeField(page).fill(recovery);
  await page.getByRole('button', { name: 'Finish signing in' }).click();
  await expect(page.getByText('That code is not right')).toBeVisible();
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in/);
});

test('an organization that requires a second factor sends a member without one to set it up first', async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const organization = await createOrganizationWithPerson();
  const member = await createPerson({ organizationName: organization.organizationName, roles: ['buyer'] });
  await signInViaApi(page, organization.email);
  await page.goto('/admin');
  const policy = page.getByRole('region', { name: 'Second factor at sign-in' });
  await expect(policy).toContainText('Optional');
  await policy.getByRole('button', { name: 'Require a second factor of everyone in your organization' }).click();
  await expect(policy).toContainText('Required');

  const other = await browser.newContext({ baseURL: E2E_BASE_URL });
  const memberPage = await other.newPage();
  await signInViaForm(memberPage, member.email);
  await expect(memberPage).toHaveURL(/\/second-factor$/);
  await expect(memberPage.getByRole('heading', { level: 1 })).toHaveText('Set up a second factor');
  await memberPage.goto('/orders');
  await expect(memberPage).toHaveURL(/\/second-factor$/);

  await setUpAuthenticator(memberPage, /^I have saved them — continue$/);
  await expect(memberPage).not.toHaveURL(/\/second-factor/);
  await memberPage.goto('/orders');
  await expect(memberPage.getByRole('heading', { level: 1 })).toHaveText('Orders');
  await memberPage.goto('/account');
  // Required: it can be moved to a new phone, not switched off.
  await expect(secondFactorSection(memberPage).getByRole('button', { name: 'Move to a new phone' })).toBeVisible();
  await expect(secondFactorSection(memberPage).getByRole('button', { name: 'Remove the second factor' })).toHaveCount(
    0,
  );
  await other.close();
});

test('My account lists the sessions and signs out all the others', async ({ page, browser }) => {
  const member = await createPerson({ organizationName: 'Northwind Traders', roles: ['buyer'] });
  await signInViaForm(page, member.email);
  await expect(page).not.toHaveURL(/\/sign-in/);
  const other = await browser.newContext({ baseURL: E2E_BASE_URL });
  const otherPage = await other.newPage();
  await signInViaApi(otherPage, member.email);

  await page.goto('/account');
  const sessions = page.getByRole('list', { name: 'Sessions' });
  await expect(sessions.getByRole('listitem')).toHaveCount(2);
  await expect(sessions.getByRole('listitem').filter({ hasText: 'This session' })).toHaveCount(1);
  await page.getByRole('button', { name: 'Sign out all other sessions' }).click();
  await expect(page.getByText('One other session is signed out.')).toBeVisible();
  await expect(sessions.getByRole('listitem')).toHaveCount(1);

  await otherPage.goto('/account');
  await expect(otherPage).toHaveURL(/\/sign-in/);
  await page.goto('/account');
  await expect(page).toHaveURL(/\/account$/);
  await other.close();
});
