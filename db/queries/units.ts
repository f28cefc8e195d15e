import { sql } from 'drizzle-orm';
import type { Executor } from '../client';

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
