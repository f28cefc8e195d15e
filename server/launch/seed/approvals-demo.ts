import { and, eq } from 'drizzle-orm';
import type { Condition, RuleApprovers } from '@/server/domain/approvals/evaluate';
import type { Executor } from '../../../db/client';
import {
  approvalRules,
  membershipRoles,
  memberships,
  organizations,
  roles,
  spendingLimitAuthorizers,
  spendingLimits,
  users,
} from '../../../db/schema';

/**
 * Approvals to try in the demo. Northwind Traders: Bob's budget (over 500.00 USD Paula or Alice,
 * over 2,000.00 then also Frank), Wendy's (over 300.00 Paula), and the example — over
 * 10,000.00 the purchasing manager (Paula), over 15,000.00 then also the finance manager (Frank).
 * Contoso Manufacturing: over 5,000.00 EUR Dana decides.
 */
export async function seedApprovalsDemo(tx: Executor): Promise<void> {
  const now = new Date();
  const organizationId = async (name: string) => {
    const [row] = await tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(and(eq(organizations.name, name), eq(organizations.kind, 'buyer')));
    if (!row) throw new Error(`seed: no organization ${name}`);
    return row.id;
  };
  const membershipOf = async (orgId: string, email: string) => {
    const [row] = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.organizationId, orgId), eq(users.email, email)));
    if (!row) throw new Error(`seed: no membership for ${email}`);
    return row.id;
  };
  const limit = async (orgId: string, email: string, limitMinor: number, authorizers: string[]) => {
    const [entry] = await tx
      .insert(spendingLimits)
      .values({
        organizationId: orgId,
        membershipId: await membershipOf(orgId, email),
        limitMinor,
        period: 'order',
        createdAt: now,
      })
      .returning({ id: spendingLimits.id });
    if (!entry) throw new Error('seed: spending limit');
    for (const authorizer of authorizers)
      await tx
        .insert(spendingLimitAuthorizers)
        .values({ limitId: entry.id, membershipId: await membershipOf(orgId, authorizer) });
  };
  const rule = (orgId: string, name: string, tier: number, overMinor: number, approvers: RuleApprovers) => {
    const conditions: Condition[] = [{ field: 'order_total', comparator: '>', value: overMinor }];
    return tx.insert(approvalRules).values({
      organizationId: orgId,
      name,
      tier,
      conditions,
      appliesTo: { kind: 'everyone' },
      approvers,
      createdAt: now,
      updatedAt: now,
    });
  };

  const northwind = await organizationId('Northwind Traders');
  const managerRole = async (name: string, description: string, holder: string) => {
    const [role] = await tx
      .insert(roles)
      .values({
        organizationId: northwind,
        side: 'buyer',
        name,
        description,
        permissions: ['orders.approve', 'orders.view', 'prices.view', 'stock.view'],
      })
      .returning({ id: roles.id });
    if (!role) throw new Error('seed: role');
    await tx.insert(membershipRoles).values({ membershipId: await membershipOf(northwind, holder), roleId: role.id });
    return role.id;
  };
  const purchasing = await managerRole(
    'Purchasing manager',
    'Approves large orders of the whole organization.',
    'paula@northwind.test',
  );
  const finance = await managerRole(
    'Finance manager',
    'Approves very large orders after the purchasing manager.',
    'frank@northwind.test',
  );

  await limit(northwind, 'bob@northwind.test', 50_000, ['paula@northwind.test', 'alice@northwind.test']);
  await limit(northwind, 'bob@northwind.test', 200_000, ['frank@northwind.test']);
  await limit(northwind, 'wendy@northwind.test', 30_000, ['paula@northwind.test']);
  await rule(northwind, 'Purchasing manager', 1, 1_000_000, { kind: 'role', roleId: purchasing });
  await rule(northwind, 'Finance manager', 2, 1_500_000, { kind: 'role', roleId: finance });

  const contoso = await organizationId('Contoso Manufacturing');
  await rule(contoso, 'Large orders', 1, 500_000, {
    kind: 'members',
    membershipIds: [await membershipOf(contoso, 'dana@contoso.test')],
  });
}
