import { and, count, eq, ne } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { countMembers } from '@/db/queries/members';
import { rolesUsableBy } from '@/db/queries/roles';
import { approvalRules, organizationAddresses, organizations, roles } from '@/db/schema';
import type { Actor } from '@/server/domain/access/actor';
import type { Permission } from '@/server/domain/access/permissions';
import { reach } from './members';

async function countOf(query: Promise<{ n: number }[]>): Promise<number> {
  const [row] = await query;
  return row?.n ?? 0;
}

/** Runs a count only when the caller holds the permission its page needs; null otherwise. */
function gated(actor: Actor, permission: Permission, run: () => Promise<number>): Promise<number | null> {
  return actor.permissions.has(permission) ? run() : Promise.resolve(null);
}

/**
 * The numbers beside the Administration entries, each counted the way its page lists it: active
 * members in reach, pending joining requests, active units below the organization, active
 * ship-to addresses, roles the organization can use, approval rules (active ones of all).
 */
export async function administrationCounts(db: Database, actor: Actor) {
  const { organizationId } = actor;
  const [members, joining, units, addresses, roleCount, rules, activeRules] = await Promise.all([
    gated(actor, 'org.users.manage', async () =>
      countMembers(db, { organizationId, unitIds: await reach(db, organizationId, actor), status: 'active' }),
    ),
    gated(actor, 'org.users.manage', () => countMembers(db, { organizationId, status: 'pending' })),
    gated(actor, 'org.units.manage', () =>
      countOf(
        db
          .select({ n: count() })
          .from(organizations)
          .where(
            and(
              eq(organizations.rootId, organizationId),
              ne(organizations.id, organizationId),
              eq(organizations.status, 'active'),
            ),
          ),
      ),
    ),
    gated(actor, 'org.units.manage', () =>
      countOf(
        db
          .select({ n: count() })
          .from(organizationAddresses)
          .where(and(eq(organizationAddresses.organizationId, organizationId), eq(organizationAddresses.active, true))),
      ),
    ),
    gated(actor, 'org.roles.manage', () =>
      countOf(db.select({ n: count() }).from(roles).where(rolesUsableBy(organizationId))),
    ),
    gated(actor, 'org.approvals.manage', () =>
      countOf(db.select({ n: count() }).from(approvalRules).where(eq(approvalRules.organizationId, organizationId))),
    ),
    gated(actor, 'org.approvals.manage', () =>
      countOf(
        db
          .select({ n: count() })
          .from(approvalRules)
          .where(and(eq(approvalRules.organizationId, organizationId), eq(approvalRules.active, true))),
      ),
    ),
  ]);
  return { members, joining, units, addresses, roles: roleCount, rules, activeRules };
}
