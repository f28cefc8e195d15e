import { expect, test, type Page } from './fixtures/test';
import { followEmailLink, openLatestEmail, signInViaApi } from './fixtures/auth';
import { E2E_BASE_URL } from './fixtures/env';
import { addVirtualAuthenticator, passkeysSection, registerPasskeyInAccount } from './fixtures/passkeys';
import { newAuthorizer, orderWaitingFor } from './fixtures/approvals';

const usePasskey = (page: Page) => page.getByRole('button', { name: 'Use a passkey' });

test('a member adds a passkey in My account, signs out, and signs in with it', async ({ page }) => {
  const authenticator = await addVirtualAuthenticator(page);
  const member = await newAuthorizer();
  await signInViaApi(page, member.email);
  await registerPasskeyInAccount(page, 'My test phone');
  expect(await authenticator.credentials()).toHaveLength(1);
  await expect(passkeysSection(page).getByRole('list', { name: 'Your passkeys' })).toContainText('Last used never');

  await page.context().clearCookies();
  await page.goto('/sign-in');
  await usePasskey(page).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
  await page.goto('/account');
  await expect(page.getByRole('main')).toContainText(member.email);
  await expect(passkeysSection(page).getByRole('list', { name: 'Your passkeys' })).not.toContainText('Last used never');
});

test('the browser’s passkey autofill signs the member in from the sign-in page', async ({ page }) => {
  await addVirtualAuthenticator(page, { autofill: true });
  const member = await newAuthorizer();
  await signInViaApi(page, member.email);
  await registerPasskeyInAccount(page, 'Laptop');

  await page.context().clearCookies();
  await page.goto('/sign-in');
  // Picking the suggested passkey, which the virtual authenticator does at once, is all it takes.
  await page.getByLabel('Email address').focus();
  await expect(page).not.toHaveURL(/\/sign-in/);
  await page.goto('/account');
  await expect(page.getByRole('main')).toContainText(member.email);
});

test('from an approval email’s link, a passkey signs the authorizer in and lands on the approval page', async ({
  page,
}) => {
  await addVirtualAuthenticator(page);
  const approver = await newAuthorizer();
  const { requester, placed } = await orderWaitingFor(page, approver);
  await page.context().clearCookies();
  await signInViaApi(page, approver.email);
  await registerPasskeyInAccount(page, 'Work phone');

  await page.context().clearCookies();
  await openLatestEmail(page, approver.email, `Order ${placed.number} from ${requester.name} needs your approval`);
  await followEmailLink(page, `/authorizations/${placed.number}`);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await usePasskey(page).click();
  await expect(page).toHaveURL(new RegExp(`/authorizations/${placed.number}$`));
  await expect(page.getByRole('main').getByRole('heading', { level: 1, name: `Order ${placed.number}` })).toBeVisible();
});

test('a removed passkey no longer signs in', async ({ page }) => {
  await addVirtualAuthenticator(page);
  const member = await newAuthorizer();
  await signInViaApi(page, member.email);
  await registerPasskeyInAccount(page, 'Lost phone');

  const section = passkeysSection(page);
  await section.getByRole('button', { name: 'Remove passkey Lost phone' }).click();
  await expect(section.getByRole('status').filter({ hasText: 'Passkey “' })).toContainText(
    'Passkey “Lost phone” removed',
  );
  await expect(section).toContainText('You have no passkeys yet.');

  await page.context().clearCookies();
  await page.goto('/sign-in');
  // The browser still holds the key; the server no longer knows it.
  await usePasskey(page).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'This passkey is not registered with Countersign any more.' }),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});

test('"Keep me signed in" shows in My account’s devices, and another device can be signed out from there', async ({
  page,
  browser,
}) => {
  const member = await newAuthorizer();
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(member.email);
  await page.getByLabel('Password', { exact: true }).fill('countersign-demo');
  await page.getByLabel('Keep me signed in on this device').check();
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);

  const other = await browser.newContext({ baseURL: E2E_BASE_URL });
  const otherPage = await other.newPage();
  await signInViaApi(otherPage, member.email);

  await page.goto('/account');
  const devices = page.getByRole('list', { name: 'Sessions' });
  await expect(devices.getByRole('listitem')).toHaveCount(2);
  const mine = devices.getByRole('listitem').filter({ hasText: 'This session' });
  await expect(mine).toContainText('Kept signed in');
  const theirs = devices.getByRole('listitem').filter({ hasNotText: 'This session' });
  await expect(theirs).not.toContainText('Kept signed in');
  await theirs.getByRole('button', { name: /^Sign out / }).click();
  await expect(devices.getByRole('listitem')).toHaveCount(1);

  await otherPage.goto('/account');
  await expect(otherPage).toHaveURL(/\/sign-in/);
  await other.close();
});
