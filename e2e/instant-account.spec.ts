import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from './fixtures/test';
import { openLatestEmail, signInViaApi } from './fixtures/auth';
import { deliverQueuedEmail, erpSnapshotFiles, freshErpContact, holdErpSnapshotLock } from './fixtures/erp';
import { openAccountMenu } from './fixtures/menu';

const PASSWORD = 'a long harbour passphrase';
/** The one answer the form gives, whatever the address: what happened goes to the address by email. */
const NEUTRAL = 'If this address belongs to a contact of one of our customers, we have emailed a link.';

async function requestAccount(page: Page, email: string) {
  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'I already buy from you — get an account' }).click();
  await expect(page.getByRole('heading', { name: 'I already buy from you' })).toBeVisible();
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Email me a link' }).click();
}

/** From the dev mailbox to the page behind the link, then a password and straight into the store. */
async function completeFromEmail(page: Page, email: string, customerNames: string[]) {
  await deliverQueuedEmail(page);
  await openLatestEmail(page, email, 'Finish setting up your Countersign account');
  await page.getByRole('link', { name: /existing-customer\/complete\?token=/ }).click();
  await expect(page.getByRole('heading', { name: 'Set up your account' })).toBeVisible();
  for (const name of customerNames) await expect(page.getByRole('main')).toContainText(name);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Repeat the password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create my account' }).click();
}

test.describe('instant accounts for ERP contacts', () => {
  // These tests rely on ERP rows they insert: an import must not replace the snapshot meanwhile.
  let lock: Awaited<ReturnType<typeof holdErpSnapshotLock>> | undefined;
  test.beforeEach(async () => {
    lock = await holdErpSnapshotLock('shared');
  });
  test.afterEach(async () => {
    await lock?.release();
  });

  test('a contact gets an account by email, chooses a password and lands in its organization', async ({ page }) => {
    const contact = await freshErpContact(['Acme Tools']);
    const [customer] = contact.customers;
    await requestAccount(page, contact.email);
    await expect(page.getByRole('main').getByRole('status')).toHaveText(NEUTRAL);
    await completeFromEmail(page, contact.email, [customer?.name ?? '']);
    await expect(page.getByRole('heading', { name: `Welcome, ${contact.contactName}` })).toBeVisible();
    await expect(page.getByTestId('active-organization')).toHaveText(customer?.name ?? '');
  });

  test('one email that is a contact of two customers gets one login that switches between them', async ({ page }) => {
    const contact = await freshErpContact(['Tailspin Toys', 'Wingtip Supplies']);
    const names = contact.customers.map((customer) => customer.name);
    await requestAccount(page, contact.email);
    await expect(page.getByRole('main').getByRole('status')).toHaveText(NEUTRAL);
    await completeFromEmail(page, contact.email, names);
    await expect(page.getByRole('heading', { name: `Welcome, ${contact.contactName}` })).toBeVisible();
    const current = (await page.getByTestId('active-organization').textContent()) ?? '';
    expect(names).toContain(current);
    const other = names.find((name) => name !== current) ?? '';
    await (await openAccountMenu(page)).getByLabel('Account').selectOption({ label: other });
    await page.getByRole('button', { name: 'Switch' }).click();
    await expect(page.getByTestId('active-organization')).toHaveText(other);
    await page.reload();
    await expect(page.getByTestId('active-organization')).toHaveText(other);
  });
});

test.describe('who cannot get an instant account', () => {
  /** The form's answer, then the email the address received (the dev mailbox shows it in a frame). */
  async function expectNeutralAnswerAndEmail(page: Page, email: string, explanation: string) {
    await requestAccount(page, email);
    await expect(page.getByRole('main').getByRole('status')).toHaveText(NEUTRAL);
    await expect(page.getByRole('main').getByRole('alert')).toHaveCount(0);
    await deliverQueuedEmail(page);
    await openLatestEmail(page, email, 'About your request for a Countersign account');
    const mail = page.frameLocator('iframe.mail-frame').locator('body');
    await expect(mail).toContainText(explanation);
    await expect(mail).toContainText('Reply to this email and we will set you up.');
  }

  test('the cash account gets the same answer as anyone, and an email that says why', async ({ page }) => {
    await expectNeutralAnswerAndEmail(page, 'cash@walkin.test', 'which is our cash-sale account');
  });

  test('an excluded customer gets the same answer as anyone, and an email that says why', async ({ page }) => {
    await expectNeutralAnswerAndEmail(
      page,
      'ex@excluded.test',
      'we cannot create an online account for it automatically',
    );
  });

  test('an unknown address gets the same answer, a way to register, and no email', async ({ page }) => {
    const unknown = `nobody-${randomUUID().slice(0, 8)}@unknown-e2e.test`;
    await requestAccount(page, unknown);
    const main = page.getByRole('main');
    await expect(main.getByRole('status')).toHaveText(NEUTRAL);
    await expect(main.getByRole('link', { name: 'Register your organization' })).toHaveAttribute('href', '/register');
    await deliverQueuedEmail(page);
    await page.goto(`/dev/mailbox?q=${encodeURIComponent(unknown)}`);
    await expect(page.getByRole('main')).toContainText('No emails yet.');
  });
});

test.describe('staff import', () => {
  test('staff upload the exports, see the counts and a bad row, apply, and create an account from a contact', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const id = randomUUID().slice(0, 8);
    const code = `IMP-${id}`.toUpperCase();
    const customerName = `Import Test ${id}`;
    const email = `imp-${id}@erp-e2e.test`;
    await signInViaApi(page, 'admin@countersign.test');
    await page.goto('/staff/erp');

    // Every row already there is in the files, so the import keeps them for the other specs.
    const lock = await holdErpSnapshotLock('exclusive');
    try {
      const files = await erpSnapshotFiles({
        customers: [`${code},${customerName},false,USD,1500.00,NET 30`],
        contacts: [`${code},${email},Ida Import`, `NOPE-${id},bad-${id}@erp-e2e.test,Bad Row`],
      });
      await page
        .getByLabel('Customers file (CSV)')
        .setInputFiles({ name: 'customers.csv', mimeType: 'text/csv', buffer: Buffer.from(files.customers) });
      await page
        .getByLabel('Contacts file (CSV)')
        .setInputFiles({ name: 'contacts.csv', mimeType: 'text/csv', buffer: Buffer.from(files.contacts) });
      await page.getByRole('button', { name: 'Preview the import' }).click();

      const preview = page.getByRole('region', { name: 'Preview' });
      const customersRow = preview.locator('tr', { hasText: 'Customers (' });
      const contactsRow = preview.locator('tr', { hasText: 'Contacts (' });
      await expect(customersRow.locator('td[data-label="Added"]')).toHaveText('1');
      await expect(customersRow.locator('td[data-label="Removed"]')).toHaveText('0');
      await expect(customersRow.locator('td[data-label="Unchanged"]')).toHaveText(String(files.counts.customers));
      await expect(contactsRow.locator('td[data-label="Added"]')).toHaveText('1');
      await expect(contactsRow.locator('td[data-label="Removed"]')).toHaveText('0');
      await expect(preview.getByRole('heading', { name: '1 row has errors' })).toBeVisible();
      const badLine = String(files.counts.contacts + 3);
      const problem = preview.locator('tr', { hasText: 'Unknown customer_code' });
      await expect(problem.locator('td[data-label="File"]')).toHaveText('contacts.csv');
      await expect(problem.locator('td[data-label="Line"]')).toHaveText(badLine);

      await preview.getByRole('button', { name: 'Apply the import' }).click();
      await expect(page.getByRole('main').getByRole('status')).toContainText('The import is applied');
    } finally {
      await lock.release();
    }

    await page.getByRole('link', { name: 'See the contacts' }).click();
    await page.getByLabel('Search by email, name or customer').fill(email);
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page.getByRole('main')).toContainText(customerName);
    await page.getByRole('button', { name: `Create account for Ida Import (${email}, ${code})` }).click();
    await expect(page.getByRole('main').getByRole('status')).toContainText(`Account created at ${customerName}`);

    await deliverQueuedEmail(page);
    await openLatestEmail(page, email, `Your Countersign account for ${customerName}`);
    await page.context().clearCookies();
    await page.getByRole('link', { name: /set-password\?token=/ }).click();
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Repeat the password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Save my password' }).click();
    await expect(page.getByRole('heading', { name: 'Welcome, Ida Import' })).toBeVisible();
    await expect(page.getByTestId('active-organization')).toHaveText(customerName);
  });
});
