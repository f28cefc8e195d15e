import {
  decodeGrant,
  PERMISSION_TABLE,
  scopeCovers,
  type MembershipFlag,
  type Permission,
  type Scope,
} from './permissions';

export type MembershipFlags = Record<MembershipFlag, boolean>;

/** Each permission a member effectively holds, with the widest scope any of their roles gives it. */
export type Grants = ReadonlyMap<Permission, Scope>;

/**
 * What a member may actually do: the union of their roles' grants, minus every permission whose
 * gating flag is off on the membership. Unknown or malformed entries (a permission removed from
 * the table while a custom role still lists it) are ignored rather than trusted.
 */
export function effectiveGrants(roleGrants: readonly string[], flags: MembershipFlags): Grants {
  const result = new Map<Permission, Scope>();
  for (const text of roleGrants) {
    const grant = decodeGrant(text);
    if (!grant) continue;
    const flag = PERMISSION_TABLE[grant.permission].flag;
    if (flag && !flags[flag]) continue;
    const held = result.get(grant.permission);
    if (!held || !scopeCovers(held, grant.scope)) result.set(grant.permission, grant.scope);
  }
  return result;
}

/** The permission names alone, for checks that do not care how far they reach. */
export function effectivePermissions(roleGrants: readonly string[], flags: MembershipFlags): ReadonlySet<Permission> {
  return new Set(effectiveGrants(roleGrants, flags).keys());
}
