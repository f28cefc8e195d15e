import { randomUUID } from 'node:crypto';
import { expect, test } from './fixtures/test';
import { followEmailLink, openLatestEmail, switchUser } from './fixtures/auth';

test('an administrator adds a sub-account; the invitation arrives; the buyer signs in and sees only what the flags allow', async ({
  page,
}) => {
  const id = randomUUID().slice(0, 8);
  const person = { name: `Sam ${id}`, email: `sam-${id}@northwind.test`, password: 'a passphrase of mine' };

  await switchUser(page, 'alice@northwind.test');
  await page.goto('/admin');
  await page.getByRole('link', { name: 'Users and sub-accounts' }).click();
  await page.getByRole('link', { name: 'Add a sub-account' }).click();
  const form = page.getByRole('form', { name: 'New sub-account' });
  await form.getByLabel('Name').fill(person.name);
  await form.getByLabel('E-mail address').fill(person.email);
  await form.getByLabel('Unit').selectOption({ label: 'Warehouse East' });
  await form.getByLabel('May see prices').uncheck();
  await form.getByRole('button', { name: 'Create and send invitation' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(person.name);
  await expect(page.getByRole('main').getByText('Invited, no password yet', { exact: true })).toBeVisible();

  await page.context().clearCookies();
  await openLatestEmail(page, person.email, 'Your Countersign account for Northwind Traders');
  await followEmailLink(page, '/set-password');
  await page.getByLabel('Password', { exact: true }).fill(person.password);
  await page.getByLabel('Repeat the password').fill(person.password);
  await page.getByRole('button', { name: 'Save my password' }).click();
  // Setting the password signs them in.
  await expect(page.getByRole('heading', { name: `Welcome, ${person.name}` })).toBeVisible();
  // Without May see prices the home shows the cart but no total and no spend.
  await expect(page.getByTestId('home-cart')).toBeVisible();
  await expect(page.getByTestId('home-spend')).toHaveCount(0);
  await page.goto('/account');
  const canDo = page.getByRole('region', { name: 'What you can do here' });
  await expect(canDo).toContainText('Place orders');
  await expect(canDo).toContainText('View stock');
  await expect(canDo).not.toContainText('View prices');
  await expect(page.getByRole('navigation', { name: 'Store menu' }).locator('a[href^="/admin"]')).toHaveCount(0);
  expect((await page.request.get('/api/trpc/members.list?input=%7B%22json%22%3A%7B%7D%7D')).status()).toBe(403);
});

test('deactivating a member ends what their open session can do', async ({ page, browser }) => {
  const id = randomUUID().slice(0, 8);
  const admin = page;
  await switchUser(admin, 'alice@northwind.test');
  await admin.goto('/admin/members/new');
  const form = admin.getByRole('form', { name: 'New sub-account' });
  const email = `dee-${id}@northwind.test`;
  await form.getByLabel('Name').fill(`Dee ${id}`);
  await form.getByLabel('E-mail address').fill(email);
  await form.getByRole('button', { name: 'Create and send invitation' }).click();
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText(`Dee ${id}`);
  const memberUrl = admin.url();

  const memberContext = await browser.newContext();
  const member = await memberContext.newPage();
  await openLatestEmail(member, email, 'Your Countersign account for Northwind Traders');
  await followEmailLink(member, '/set-password');
  await member.getByLabel('Password', { exact: true }).fill('another passphrase');
  await member.getByLabel('Repeat the password').fill('another passphrase');
  await member.getByRole('button', { name: 'Save my password' }).click();
  await expect(member.getByRole('heading', { name: `Welcome, Dee ${id}` })).toBeVisible();

  await admin.goto(memberUrl);
  await admin.getByRole('button', { name: `Deactivate Dee ${id}` }).click();
  await expect(admin.getByRole('button', { name: `Reactivate Dee ${id}` })).toBeVisible();

  await member.reload();
  await expect(member.getByRole('main').getByRole('alert')).toContainText(
    'Your access to Northwind Traders has been deactivated',
  );
  await memberContext.close();
});

test('the last account manager cannot be deactivated, and the page says why', async ({ page }) => {
  await switchUser(page, 'carla@contoso.test');
  await page.goto('/admin/members?q=carla%40contoso.test');
  await page.getByRole('link', { name: 'Carla Admin' }).click();
  await page.getByRole('button', { name: 'Deactivate Carla Admin' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(
    'Carla Admin is the last active account manager of Contoso Manufacturing. Make someone else account manager first.',
  );
});

test('an administrator creates a custom role and assigns it; the member gets exactly its permissions', async ({
  page,
}) => {
  const id = randomUUID().slice(0, 8);
  const role = `Quote requester ${id}`;
  const person = { name: `Quinn ${id}`, email: `quinn-${id}@northwind.test`, password: 'quinn passphrase' };
  const main = page.getByRole('main');

  await switchUser(page, 'alice@northwind.test');
  await page.goto('/admin/roles/new');
  await main.getByLabel('Name', { exact: true }).fill(role);
  await main.getByRole('checkbox', { name: 'Request quotes' }).check();
  await main.getByRole('checkbox', { name: 'View prices' }).check();
  await main.getByRole('button', { name: 'Create role' }).click();
  await expect(main.getByRole('status')).toHaveText(`Saved “${role}”.`);

  await page.goto('/admin/members/new');
  const form = page.getByRole('form', { name: 'New sub-account' });
  await form.getByLabel('Name').fill(person.name);
  await form.getByLabel('E-mail address').fill(person.email);
  await form.getByRole('checkbox', { name: 'Buyer', exact: true }).uncheck();
  await form.getByRole('checkbox', { name: role }).check();
  await form.getByRole('button', { name: 'Create and send invitation' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(person.name);
  await page.goto(`/admin/members?role=${encodeURIComponent(await roleIdFromList(page, role))}`);
  await expect(main.getByRole('link', { name: person.name })).toBeVisible();

  await page.context().clearCookies();
  await openLatestEmail(page, person.email, 'Your Countersign account for Northwind Traders');
  await followEmailLink(page, '/set-password');
  await page.getByLabel('Password', { exact: true }).fill(person.password);
  await page.getByLabel('Repeat the password').fill(person.password);
  await page.getByRole('button', { name: 'Save my password' }).click();
  await expect(page.getByRole('heading', { name: `Welcome, ${person.name}` })).toBeVisible();
  await page.goto('/account');
  const canDo = page.getByRole('region', { name: 'What you can do here' });
  await expect(canDo).toContainText('Request quotes');
  await expect(canDo).toContainText('View prices');
  await expect(canDo).not.toContainText('Place orders');
});

/** The role filter's value for a role name, read from the members page's filter. */
async function roleIdFromList(page: import('@playwright/test').Page, role: string): Promise<string> {
  await page.goto('/admin/members');
  return (
    (await page.getByLabel('Role', { exact: true }).locator('option', { hasText: role }).getAttribute('value')) ?? ''
  );
}

test('a malformed filter in a shared link is dropped on its own: the search still applies', async ({ page }) => {
  await switchUser(page, 'carla@contoso.test');
  await page.goto('/admin/members?q=carla%40contoso.test&status=nonsense&page=abc');
  await expect(page.getByRole('main').getByText('1 found.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Carla Admin' })).toBeVisible();
  await expect(page.getByLabel('Name or email')).toHaveValue('carla@contoso.test');
});
