import { isPermission, PERMISSION_TABLE, type MembershipFlag, type Permission } from './permissions';

export type MembershipFlags = Record<MembershipFlag, boolean>;

/**
 * What a member may actually do: the union of their roles' permissions, minus every permission
 * whose gating flag is off on the membership. Unknown names (a permission removed from the table
 * while a custom role still lists it) are ignored rather than trusted.
 */
export function effectivePermissions(
  rolePermissions: readonly string[],
  flags: MembershipFlags,
): ReadonlySet<Permission> {
  const result = new Set<Permission>();
  for (const name of rolePermissions) {
    if (!isPermission(name)) continue;
    const flag = PERMISSION_TABLE[name].flag;
    if (flag && !flags[flag]) continue;
    result.add(name);
  }
  return result;
}
