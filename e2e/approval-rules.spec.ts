import { randomUUID } from 'node:crypto';
import { expect, test } from './fixtures/test';
import { eq } from 'drizzle-orm';
import { memberships, organizations } from '@/db/schema';
import { switchUser } from './fixtures/auth';
import { createPerson, e2eDb } from './fixtures/db';
import { expectNoSidewaysScroll } from './fixtures/layout';

const NORTHWIND = 'Northwind Traders';

/**
 * A unit of Northwind's own for this test: a rule scoped to it never touches another spec's orders.
 * Its name has a long unbreakable word, as real names sometimes do; the forms must still fit a phone.
 */
async function freshUnit() {
  const db = e2eDb();
  const [northwind] = await db.select().from(organizations).where(eq(organizations.name, NORTHWIND));
  if (!northwind) throw new Error('no Northwind');
  const [unit] = await db
    .insert(organizations)
    .values({
      rootId: northwind.id,
      parentId: northwind.id,
      kind: 'buyer',
      name: `E2E Depot Supercalifragilisticexpialidocious-procurement-${randomUUID().slice(0, 8)}`,
      status: 'active',
    })
    .returning();
  if (!unit) throw new Error('unit insert failed');
  return unit;
}

async function person(roles: string[], flags: Partial<typeof memberships.$inferInsert> = {}) {
  const created = await createPerson({ organizationName: NORTHWIND, roles });
  if (Object.keys(flags).length > 0)
    await e2eDb().update(memberships).set(flags).where(eq(memberships.id, created.membershipId));
  return created;
}

test('an administrator writes a rule for one unit, reads it in words, tries it and deactivates it', async ({
  page,
}) => {
  const unit = await freshUnit();
  const admin = await person(['account_manager'], { mayAuthorizeOrders: true });
  const approver = await person(['authorizer'], { mayAuthorizeOrders: true });
  const requester = await person(['buyer'], { unitId: unit.id });
  const name = `Depot orders ${randomUUID().slice(0, 8)}`;
  const main = page.getByRole('main');
  const row = main.locator('tr', { hasText: name });

  await switchUser(page, admin.email);
  await page.goto('/admin');
  await main.getByRole('link', { name: 'Spending limits and approval rules' }).click();
  await main.getByRole('link', { name: 'New rule' }).click();

  await main.getByLabel('Name', { exact: true }).fill(name);
  const first = main.getByRole('group', { name: 'Condition 1' });
  await first.getByLabel('What').selectOption({ label: 'Order total' });
  await first.getByLabel('Comparison').selectOption({ label: 'over' });
  await first.getByLabel('Value').fill('2,500.00');
  await main.getByRole('button', { name: 'Add a condition' }).click();
  const second = main.getByRole('group', { name: 'Condition 2' });
  await second.getByLabel('What').selectOption({ label: 'Item quantity' });
  await second.getByLabel('Comparison').selectOption({ label: 'at least' });
  await second.getByLabel('Value').fill('3');
  await main.getByRole('radio', { name: 'Members of some units' }).check();
  await main.getByRole('checkbox', { name: unit.name }).check();
  await main.getByRole('radio', { name: 'Named people who may authorize orders' }).check();
  await main.getByRole('checkbox', { name: approver.name }).check();
  await expectNoSidewaysScroll(page);
  await main.getByRole('button', { name: 'Create rule' }).click();

  await expect(main.getByRole('status').first()).toHaveText(`Saved “${name}”.`);
  await expect(row).toContainText('active');
  await expect(row).toContainText('Order total over $2,500.00 and item quantity at least 3');
  await expect(row).toContainText(`Members of ${unit.name} and the units below`);
  await expect(row).toContainText(approver.name);
  await expectNoSidewaysScroll(page);

  const tryIt = main.getByRole('form', { name: 'Try the rules' });
  await tryIt.getByLabel('Requester').selectOption({ label: `${requester.name} · ${unit.name}` });
  await tryIt.getByLabel('Order total').fill('3,000');
  await tryIt.getByLabel('Item quantity').fill('5');
  await tryIt.getByRole('button', { name: 'Try it' }).click();
  const result = main.getByRole('status', { name: 'Result' });
  await expect(result).toContainText(`Needs approval from ${name} — ${approver.name}.`);

  await tryIt.getByLabel('Item quantity').fill('2');
  await tryIt.getByRole('button', { name: 'Try it' }).click();
  await expect(result).toContainText('No approval needed');

  await main.getByRole('button', { name: `Deactivate ${name}` }).click();
  await expect(main.getByRole('status').filter({ hasText: 'Deactivated' })).toHaveText(`Deactivated “${name}”.`);
  await expect(row).toContainText('inactive');
  await tryIt.getByLabel('Item quantity').fill('5');
  await tryIt.getByRole('button', { name: 'Try it' }).click();
  await expect(result).toContainText('No approval needed');
});

test('an administrator gives a sub-account with a limited budget a spending limit', async ({ page }) => {
  const admin = await person(['account_manager'], { mayAuthorizeOrders: true });
  const approver = await person(['authorizer'], { mayAuthorizeOrders: true });
  const sub = await person(['buyer'], { hasLimitedBudget: true });
  const main = page.getByRole('main');

  await switchUser(page, admin.email);
  await page.goto(`/admin/members/${sub.membershipId}`);
  const section = main.getByRole('region', { name: 'Spending limits' });
  await expect(section).toContainText('No spending limits yet');
  await section.getByRole('link', { name: 'Manage spending limits' }).click();
  await expect(main.getByRole('heading', { level: 1 })).toHaveText(`Spending limits of ${sub.name}`);

  const form = main.getByRole('form', { name: 'New spending limit' });
  await form.getByLabel('Limit').fill('12.345');
  await form.getByRole('checkbox', { name: approver.name }).check();
  await form.getByRole('button', { name: 'Add limit' }).click();
  await expect(form.getByText('Enter an amount in USD, like 1,000.00.')).toBeVisible();
  await expect(form.getByLabel('Limit')).toHaveAttribute('aria-invalid', 'true');

  await form.getByLabel('Limit').fill('1,000');
  await form.getByLabel('Counted').selectOption({ label: 'Per order' });
  await form.getByRole('button', { name: 'Add limit' }).click();
  await expect(form.getByRole('status')).toHaveText('Spending limit added.');
  await expect(main.getByRole('region', { name: `How ${sub.name}’s orders are approved` })).toContainText(
    `Orders over $1,000.00 need ${approver.name}.`,
  );

  await page.goto(`/admin/approvals?lq=${encodeURIComponent(sub.email)}`);
  await expect(main.locator('tr', { hasText: sub.name })).toContainText(`Orders over $1,000.00 need ${approver.name}.`);
});
