import { and, eq, isNull, or } from 'drizzle-orm';
import type { Executor } from '../client';
import { roles } from '../schema';

/** The roles an organization can use: the buyer-side predefined ones and its own custom ones. */
export const rolesUsableBy = (organizationId: string) =>
  or(
    and(isNull(roles.organizationId), eq(roles.predefined, true), eq(roles.side, 'buyer')),
    eq(roles.organizationId, organizationId),
  );

/** One role the organization can use, locked for update with `lock`; another organization's role is not found. */
export async function usableRoleById(
  db: Executor,
  organizationId: string,
  roleId: string,
  options: { lock?: boolean } = {},
) {
  const query = db
    .select()
    .from(roles)
    .where(and(eq(roles.id, roleId), rolesUsableBy(organizationId)));
  const [role] = options.lock ? await query.for('update') : await query;
  return role;
}
