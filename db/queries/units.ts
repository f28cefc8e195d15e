import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { memberships, organizations } from '../schema';

/** A unit and every unit below it, within one organization (the tenant), as ids. */
export async function unitSubtreeIds(db: Executor, organizationId: string, unitId: string): Promise<string[]> {
  const rows = await db.execute<{ id: string }>(sql`
    with recursive subtree as (
      select id from organizations where id = ${unitId} and root_id = ${organizationId}
      union all
      select o.id from organizations o join subtree s on o.parent_id = s.id where o.root_id = ${organizationId}
    )
    select id from subtree`);
  return rows.map((row) => row.id);
}

/** Every node of the tenant's tree, the organization itself included. */
export async function tenantUnits(db: Executor, organizationId: string) {
  return db
    .select({
      id: organizations.id,
      parentId: organizations.parentId,
      name: organizations.name,
      status: organizations.status,
    })
    .from(organizations)
    .where(eq(organizations.rootId, organizationId));
}

/**
 * Per unit of the tenant: its members (memberships in use, whether activated or not) and, of
 * those and anyone still waiting for approval, the activated ones, who keep a unit from closing.
 */
export async function unitMemberCounts(db: Executor, organizationId: string) {
  return db
    .select({
      unitId: memberships.unitId,
      members: sql<number>`count(*) filter (where ${memberships.status} = 'active')`.mapWith(Number),
      activated:
        sql<number>`count(*) filter (where ${memberships.activated} and ${memberships.status} <> 'rejected')`.mapWith(
          Number,
        ),
    })
    .from(memberships)
    .where(eq(memberships.organizationId, organizationId))
    .groupBy(memberships.unitId);
}

/** One unit of the tenant's tree (the organization itself included); another tenant's unit is not found. */
export async function unitById(db: Executor, organizationId: string, unitId: string) {
  const [unit] = await db
    .select()
    .from(organizations)
    .where(and(eq(organizations.id, unitId), eq(organizations.rootId, organizationId)));
  return unit;
}
