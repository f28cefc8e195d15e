import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from './fixtures/test';
import { followEmailLink, openLatestEmail, signInViaForm, switchUser } from './fixtures/auth';

const PASSWORD = 'a long enough passphrase';

function company() {
  const id = randomUUID().slice(0, 8);
  return { name: `Journey ${id} Ltd`, admin: `Jo ${id}`, email: `jo-${id}@journey.test` };
}

async function register(page: Page, org: ReturnType<typeof company>) {
  await page.goto('/register');
  const form = page.getByRole('form', { name: 'Register your organization' });
  await form.getByLabel('Organization name').fill(org.name);
  await form.getByLabel('Company registration or tax number').fill('GB123456789');
  await form.getByLabel('Phone').fill('+44 20 7946 0000');
  await form.getByLabel('Street address').fill('10 Downing Lane');
  await form.getByLabel('City').fill('London');
  await form.getByLabel('Postal code').fill('SW1A 2AA');
  await form.getByLabel('Country').selectOption('GB');
  await form.getByLabel('Full name').fill(org.admin);
  await form.getByLabel('Email address').fill(org.email);
  await form.getByLabel('Password').fill(PASSWORD);
  await form.getByRole('button', { name: 'Register' }).click();
  await expect(page.getByRole('main').getByRole('status')).toContainText('Registration received');
}

async function confirmEmail(page: Page, email: string) {
  await openLatestEmail(page, email, 'Confirm your email address for Countersign');
  await followEmailLink(page, '/verify-email');
  await page.getByRole('button', { name: 'Confirm my email address' }).click();
  await expect(page.getByRole('main').getByRole('status')).toContainText('your email address is confirmed');
}

test('a registration goes from the form to a signed-in administrator with a checklist', async ({ page }) => {
  const org = company();
  await register(page, org);
  await confirmEmail(page, org.email);

  // The seller administrator is told, and finds it in the queue.
  await switchUser(page, 'admin@countersign.test');
  await openLatestEmail(page, org.name, `New registration: ${org.name}`);
  await followEmailLink(page, '/staff/registrations/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(org.name);
  await page.goto(`/staff/registrations?q=${encodeURIComponent(org.email)}`);
  await page.getByRole('link', { name: org.name }).click();

  // Approval is refused while nothing is set up.
  await page.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(page.getByRole('main').getByRole('alert')).toContainText('It cannot be approved yet');

  await page.getByLabel('Choose the representative').selectOption({ label: 'Ravi Rep (rep.one@countersign.test)' });
  await page.getByRole('button', { name: 'Assign' }).click();
  await expect(page.getByRole('main').getByRole('status')).toContainText('Assigned');
  const registrationUrl = page.url();

  // The representative sets up the account and a contract.
  await switchUser(page, 'rep.one@countersign.test');
  await openLatestEmail(page, org.name, `You are the account representative of ${org.name}`);
  await page.goto(registrationUrl);
  const account = page.getByRole('form', { name: 'Account' });
  await account.getByLabel('Currency').fill('GBP');
  await account.getByLabel('Credit limit').fill('15,000.00');
  await account.getByLabel('Payment terms').selectOption('NET 30');
  await account.getByLabel('Card').check();
  await account.getByRole('button', { name: 'Save account' }).click();
  await expect(account.getByRole('status')).toHaveText('Account saved.');
  const contract = page.getByRole('form', { name: 'Add a contract' });
  await contract.getByLabel('Contract name').fill('Framework agreement');
  await contract.getByLabel('Price list').selectOption({ label: 'Standard USD' });
  await contract.getByRole('button', { name: 'Add contract' }).click();
  await expect(page.getByRole('button', { name: 'Remove Framework agreement' })).toBeVisible();

  // The seller administrator approves.
  await switchUser(page, 'admin@countersign.test');
  await page.goto(registrationUrl);
  await page.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(page.getByRole('main').getByText('active', { exact: true }).first()).toBeVisible();

  // The buyer administrator reads the email, follows its link and signs in.
  await page.context().clearCookies();
  await openLatestEmail(page, org.email, `${org.name} is approved`);
  await followEmailLink(page, '/sign-in');
  await signInViaForm(page, org.email, PASSWORD);
  await expect(page.getByRole('heading', { name: `Welcome, ${org.admin}` })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Getting started' })).toContainText(
    'Create your departments and branches',
  );
});

test('a rejected registration tells its administrator why', async ({ page }) => {
  const org = company();
  await register(page, org);
  await switchUser(page, 'admin@countersign.test');
  await page.goto(`/staff/registrations?q=${encodeURIComponent(org.name)}&status=pending_approval`);
  await page.getByRole('link', { name: org.name }).click();
  await page.getByRole('button', { name: 'Reject' }).click();
  await expect(page.getByText('Give the reason; the organization will read it.')).toBeVisible();
  await page.getByLabel('Reason for rejecting').fill('We only supply registered resellers.');
  await page.getByRole('button', { name: 'Reject' }).click();
  await expect(page.getByRole('main').getByText('rejected', { exact: true }).first()).toBeVisible();

  await page.context().clearCookies();
  await openLatestEmail(page, org.email, `About the registration of ${org.name}`);
  await expect(page.frameLocator('iframe').getByText('We only supply registered resellers.')).toBeVisible();
  await signInViaForm(page, org.email, PASSWORD);
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(
    `The registration of ${org.name} was not approved.`,
  );
});

test('bad input is explained beside each field, and nothing is registered', async ({ page }) => {
  await page.goto('/register');
  const form = page.getByRole('form', { name: 'Register your organization' });
  await form.getByLabel('Organization name').fill('x'.repeat(201));
  await form.getByLabel('Email address').fill('not-an-email');
  await form.getByLabel('Password').fill('short');
  await form.getByRole('button', { name: 'Register' }).click();

  const name = form.getByLabel('Organization name');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAccessibleDescription('Use at most 200 characters.');
  await expect(form.getByLabel('Email address')).toHaveAccessibleDescription(
    'Enter a valid email address, like name@company.com.',
  );
  await expect(form.getByLabel('Password')).toHaveAccessibleDescription(/Use at least 10 characters\./);
  await expect(form.getByLabel('Country')).toHaveAccessibleDescription('Choose a country.');

  // A password the browser cannot judge is refused by the server, and shown in the same place.
  await form.getByLabel('Organization name').fill('Careful Ltd');
  await form.getByLabel('Company registration or tax number').fill('GB1');
  await form.getByLabel('Phone').fill('+44 20 7946 0001');
  await form.getByLabel('Street address').fill('1 Road');
  await form.getByLabel('City').fill('Leeds');
  await form.getByLabel('Postal code').fill('LS1 1AA');
  await form.getByLabel('Country').selectOption('GB');
  await form.getByLabel('Full name').fill('Careful Person');
  await form.getByLabel('Email address').fill(`careful-${Date.now()}@journey.test`);
  await form.getByLabel('Password').fill('password1234');
  await form.getByRole('button', { name: 'Register' }).click();
  await expect(form.getByLabel('Password')).toHaveAccessibleDescription(/This password is too common/);
  await expect(page.getByRole('main').getByRole('status')).toHaveCount(0);
});
