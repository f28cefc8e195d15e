import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { hashPassword } from '@/server/auth/password';
import type { Database, Executor } from '../../../db/client';
import { predefinedRoleIds } from '../../../db/predefined-roles';
import { membershipRoles, memberships, organizations, users } from '../../../db/schema';
import { seedApprovalsDemo } from './approvals-demo';
import { seedCatalogDemo } from './catalog-demo';
import { DEMO_ORGANIZATIONS, DEMO_PASSWORD, type DemoOrganization } from './demo-people';
import { seedErpDemo } from './erp-demo';
import { seedOnboardingDemo } from './onboarding-demo';
import { seedOrdersDemo } from './orders-demo';

export async function isEmpty(db: Database): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(organizations);
  return (row?.n ?? 0) === 0;
}

/** Demo organizations and people (see demo-people.ts), in one transaction. */
export async function seedDemoData(db: Database): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const roleIds = await predefinedRoleIds(tx);
    const userIds = new Map<string, string>();
    for (const demo of DEMO_ORGANIZATIONS) {
      const units = await insertOrganizationTree(tx, demo);
      for (const member of demo.members) {
        let userId = userIds.get(member.email);
        if (!userId) {
          const [user] = await tx
            .insert(users)
            .values({
              email: member.email,
              name: member.name,
              passwordHash,
              status: demo.status === 'active' ? 'active' : 'invited',
              emailVerifiedAt: new Date(),
              lastActiveAt: new Date(),
            })
            .returning({ id: users.id });
          if (!user) throw new Error('seed: user insert failed');
          userId = user.id;
          userIds.set(member.email, userId);
        }
        const rootId = units.get(demo.name) ?? '';
        const [membership] = await tx
          .insert(memberships)
          .values({
            userId,
            organizationId: rootId,
            unitId: units.get(member.unit ?? demo.name) ?? rootId,
            shopAccountRole: member.shopAccountRole ?? 'regular',
            ...member.flags,
          })
          .returning({ id: memberships.id });
        if (!membership) throw new Error('seed: membership insert failed');
        const roleRows = member.roles.map((key) => ({ membershipId: membership.id, roleId: roleIds.get(key) ?? '' }));
        await tx.insert(membershipRoles).values(roleRows);
        await tx.update(users).set({ lastMembershipId: membership.id }).where(eq(users.id, userId));
      }
    }
    await seedOnboardingDemo(tx, new Date().toISOString().slice(0, 10));
    await seedCatalogDemo(tx);
    await seedErpDemo(tx);
    await seedOrdersDemo(tx);
    await seedApprovalsDemo(tx);
  });
}

async function insertOrganizationTree(tx: Executor, demo: DemoOrganization): Promise<Map<string, string>> {
  const rootId = randomUUID();
  const ids = new Map([[demo.name, rootId]]);
  await tx.insert(organizations).values({ id: rootId, rootId, kind: demo.kind, name: demo.name, status: demo.status });
  for (const unit of demo.units) {
    const id = randomUUID();
    ids.set(unit.name, id);
    await tx.insert(organizations).values({
      id,
      rootId,
      parentId: ids.get(unit.parent ?? demo.name),
      kind: demo.kind,
      name: unit.name,
      status: 'active',
    });
  }
  return ids;
}

/** The table `npm run dev` prints. */
export function demoLoginTable(): string {
  const lines = ['', 'Demo logins (password for all: ' + DEMO_PASSWORD + ')', ''];
  for (const demo of DEMO_ORGANIZATIONS) {
    lines.push(`  ${demo.name}${demo.status === 'active' ? '' : ' (awaiting approval: cannot sign in yet)'}`);
    for (const member of demo.members)
      lines.push(`    ${member.email.padEnd(32)} ${member.name.padEnd(20)} ${member.roles.join(', ')}`);
  }
  lines.push('', '  morgan@shared.test holds accounts in both Northwind Traders and Contoso Manufacturing.', '');
  return lines.join('\n');
}
