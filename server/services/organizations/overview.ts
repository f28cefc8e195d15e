import { and, count, eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { unitById } from '@/db/queries/units';
import { memberships, organizations } from '@/db/schema';
import type { Actor } from '@/server/domain/access/actor';
import { notFound } from '@/server/domain/errors';

/** The organization and its units, each with its member count, scoped to the caller's tenant. */
export async function organizationOverview(db: Executor, actor: Actor) {
  const { organizationId } = actor;
  const units = await db
    .select({
      id: organizations.id,
      name: organizations.name,
      parentId: organizations.parentId,
      status: organizations.status,
    })
    .from(organizations)
    .where(eq(organizations.rootId, organizationId))
    .orderBy(organizations.name);
  const counts = await db
    .select({ unitId: memberships.unitId, members: count() })
    .from(memberships)
    // People who can work here: not those waiting to join, declined or deactivated.
    .where(
      and(
        eq(memberships.organizationId, organizationId),
        eq(memberships.status, 'active'),
        eq(memberships.activated, true),
      ),
    )
    .groupBy(memberships.unitId);
  const membersOf = new Map(counts.map((row) => [row.unitId, row.members]));
  const root = units.find((unit) => unit.id === organizationId);
  if (!root) throw notFound('The organization');
  return {
    id: root.id,
    name: root.name,
    units: units.map((unit) => ({ ...unit, members: membersOf.get(unit.id) ?? 0 })),
  };
}

/** One unit of the caller's organization; another tenant's unit is "not found", never shown. */
export async function getUnit(db: Executor, actor: Actor, unitId: string) {
  const unit = await unitById(db, actor.organizationId, unitId);
  if (!unit) throw notFound('The unit');
  return { id: unit.id, name: unit.name, parentId: unit.parentId, status: unit.status };
}
