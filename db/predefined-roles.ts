import { sql } from 'drizzle-orm';
import { PREDEFINED_ROLES } from '@/server/domain/access/roles';
import type { Executor } from './client';
import { roles } from './schema';

/** Writes the predefined roles of server/domain/access/roles.ts into `roles`; run on every start. */
export async function syncPredefinedRoles(db: Executor): Promise<void> {
  for (const role of PREDEFINED_ROLES) {
    await db
      .insert(roles)
      .values({
        key: role.key,
        side: role.side,
        name: role.name,
        description: role.description,
        permissions: [...role.permissions],
        predefined: true,
      })
      .onConflictDoUpdate({
        target: roles.key,
        targetWhere: sql`${roles.organizationId} is null`,
        set: {
          name: role.name,
          description: role.description,
          permissions: [...role.permissions],
          side: role.side,
          updatedAt: new Date(),
        },
      });
  }
}

export async function predefinedRoleIds(db: Executor): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: roles.id, key: roles.key })
    .from(roles)
    .where(sql`${roles.organizationId} is null`);
  return new Map(rows.flatMap((row) => (row.key ? [[row.key, row.id] as const] : [])));
}
