import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from './fixtures/test';
import { switchUser } from './fixtures/auth';

const ORGANIZATION = 'Northwind Traders';

const unitItem = (page: Page, name: string) => page.getByRole('main').getByRole('listitem', { name, exact: true });

/** Opens the folded actions of a unit ("Change “name”") unless they are open already. */
async function openActions(page: Page, name: string) {
  const details = unitItem(page, name).locator('details').first();
  if ((await details.getAttribute('open')) === null) await details.locator('summary').first().click();
  await expect(details).toHaveAttribute('open', '');
}

async function moveUnder(page: Page, name: string, target: string) {
  const form = page.getByRole('form', { name: `Move ${name}` });
  await form.getByLabel('Move under').selectOption({ label: target });
  await form.getByRole('button', { name: 'Move' }).click();
}

test('an administrator builds departments, is refused a move under a unit of its own branch, and deactivates a unit', async ({
  page,
  context,
}) => {
  const id = randomUUID().slice(0, 8);
  const department = `Department ${id}`;
  const team = `Team ${id}`;
  const renamed = `Field team ${id}`;

  await switchUser(page, 'alice@northwind.test');
  await page.goto('/admin');
  await page.getByRole('link', { name: 'Departments and branches' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Departments and branches' })).toBeVisible();

  // A department below the organization, and a unit below it.
  const top = page.getByRole('form', { name: `Add a unit below ${ORGANIZATION}` });
  await top.getByLabel('Name of the new unit').fill(department);
  await top.getByRole('button', { name: 'Add unit' }).click();
  await expect(unitItem(page, department)).toBeVisible();
  await expect(unitItem(page, department)).toContainText('0 members');

  await openActions(page, department);
  const below = page.getByRole('form', { name: `Add a unit below ${department}` });
  await below.getByLabel('Name of the new unit').fill(team);
  await below.getByRole('button', { name: 'Add unit' }).click();
  await expect(unitItem(page, department).getByRole('listitem', { name: team, exact: true })).toBeVisible();

  // Rename it.
  await openActions(page, team);
  const rename = page.getByRole('form', { name: `Rename ${team}` });
  await rename.getByLabel('New name').fill(renamed);
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(unitItem(page, department).getByRole('listitem', { name: renamed, exact: true })).toBeVisible();

  // The move list never offers the department's own units, so the refusal comes from the server
  // when a second tab, opened while the team sat beside the department, tries it after all.
  await moveUnder(page, renamed, ORGANIZATION);
  await expect(unitItem(page, department).getByRole('listitem', { name: renamed, exact: true })).toHaveCount(0);
  const stale = await context.newPage();
  await stale.goto('/admin/units');
  await expect(unitItem(stale, renamed)).toBeVisible();

  await openActions(page, renamed);
  await moveUnder(page, renamed, `${ORGANIZATION} › ${department}`);
  await expect(unitItem(page, department).getByRole('listitem', { name: renamed, exact: true })).toBeVisible();

  await openActions(stale, department);
  await moveUnder(stale, department, `${ORGANIZATION} › ${renamed}`);
  await expect(stale.getByRole('form', { name: `Move ${department}` })).toContainText(
    `“${department}” cannot be moved under “${renamed}”, because “${renamed}” is below “${department}”. Choose a unit outside its branch.`,
  );
  await stale.close();
  await expect(unitItem(page, department).getByRole('listitem', { name: renamed, exact: true })).toBeVisible();
  await openActions(page, department);
  const choices = page.getByRole('form', { name: `Move ${department}` }).getByRole('option');
  await expect(choices.filter({ hasText: ORGANIZATION }).first()).toBeAttached();
  await expect(choices.filter({ hasText: renamed })).toHaveCount(0);

  // The department cannot close while a unit below it is active; the unit below can.
  await unitItem(page, department)
    .getByRole('button', { name: `Deactivate “${department}”` })
    .click();
  await expect(unitItem(page, department).getByRole('alert')).toHaveText(
    `“${department}” cannot be deactivated while 1 active unit is directly below it. Deactivate or move it first.`,
  );
  await openActions(page, renamed);
  await page.getByRole('button', { name: `Deactivate “${renamed}”` }).click();
  await expect(unitItem(page, renamed).getByText('deactivated', { exact: true })).toBeVisible();
  await expect(unitItem(page, renamed).getByRole('button', { name: `Reactivate “${renamed}”` })).toBeVisible();

  // Down to level 5 with long names, nothing on the page is wider than the screen, phone included.
  let parent = department;
  for (const level of [3, 4, 5]) {
    const child = `Level ${level} ${id} Supercalifragilisticexpialidocious-procurement-office`;
    await openActions(page, parent);
    const add = page.getByRole('form', { name: `Add a unit below ${parent}` });
    await add.getByLabel('Name of the new unit').fill(child);
    await add.getByRole('button', { name: 'Add unit' }).click();
    await expect(unitItem(page, child)).toBeVisible();
    parent = child;
  }
  await openActions(page, parent);
  await expect(unitItem(page, parent)).toContainText(
    'is at level 5, the deepest allowed, so no units can be added below it.',
  );
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(
    true,
  );
});
