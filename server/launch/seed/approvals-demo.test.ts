import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { memberships, organizations, users } from '@/db/schema';
import { setupTestDatabase } from '@/server/testing/database';
import { createCaller, signIn } from '@/server/testing/factories';
import { seedDemoData } from './seed';

const database = setupTestDatabase();

async function membershipOf(email: string, organization: string) {
  const [row] = await database.db
    .select({ id: memberships.id, userId: memberships.userId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(and(eq(users.email, email), eq(organizations.name, organization)));
  if (!row) throw new Error(`no demo member ${email}`);
  return row;
}

const NORTHWIND = 'Northwind Traders';
const asAdmin = async (email: string, organization: string) =>
  createCaller(await signIn(database.db, await membershipOf(email, organization)));
const said = (steps: { label: string; authorizers: { name: string }[] }[]) =>
  steps.map((step) => `${step.label} — ${step.authorizers.map((person) => person.name).join(' or ')}`);

beforeAll(async () => {
  await seedDemoData(database.db);
}, 60_000);

describe('the approvals demo', () => {
  it('gives Northwind the issue’s two-tier example and Bob’s and Wendy’s budgets', async () => {
    const alice = await asAdmin('alice@northwind.test', NORTHWIND);
    const rules = await alice.approvalRules.list({});
    expect(rules.rows.map((rule) => [rule.name, rule.tier, rule.approvers.roleName, rule.approvers.names])).toEqual([
      ['Purchasing manager', 1, 'Purchasing manager', ['Paula Purchasing']],
      ['Finance manager', 2, 'Finance manager', ['Frank Finance']],
    ]);
    const bob = await membershipOf('bob@northwind.test', NORTHWIND);
    const wendy = await membershipOf('wendy@northwind.test', NORTHWIND);
    const limits = await alice.spendingLimits.members({});
    expect(limits.rows.map((row) => [row.name, row.entries.map((entry) => entry.limitMinor)])).toEqual([
      ['Bob Buyer', [50_000, 200_000]],
      ['Wendy Warehouse', [30_000]],
    ]);

    const tryIt = (membershipId: string, amount: string) =>
      alice.approvalRules.tryIt({ requesterMembershipId: membershipId, amount, itemCount: '3' });
    expect(said((await tryIt(bob.id, '2,500.00')).steps)).toEqual([
      'Spending limit over $500.00 per order — Alice Admin or Paula Purchasing',
      'Spending limit over $2,000.00 per order — Frank Finance',
    ]);
    expect(said((await tryIt(wendy.id, '400')).steps)).toEqual([
      'Spending limit over $300.00 per order — Paula Purchasing',
    ]);
    const morgan = await membershipOf('morgan@shared.test', NORTHWIND);
    expect(said((await tryIt(morgan.id, '12,000')).steps)).toEqual(['Purchasing manager — Paula Purchasing']);
    expect(said((await tryIt(morgan.id, '16,000')).steps)).toEqual([
      'Purchasing manager — Paula Purchasing',
      'Finance manager — Frank Finance',
    ]);
    expect((await tryIt(morgan.id, '9,999.99')).steps).toEqual([]);
  });

  it('gives Contoso one rule in euros that Dana decides', async () => {
    const carla = await asAdmin('carla@contoso.test', 'Contoso Manufacturing');
    const gina = await membershipOf('gina@contoso.test', 'Contoso Manufacturing');
    const answer = await carla.approvalRules.tryIt({
      requesterMembershipId: gina.id,
      amount: '5,000.01',
      itemCount: '1',
    });
    expect(answer.currency).toBe('EUR');
    expect(said(answer.steps)).toEqual(['Large orders — Dana Director']);
  });
});
