import type { Grants } from './effective-permissions';
import { grantsBeyond, refusalForGrants } from './granting';
import {
  ALL_PERMISSIONS,
  encodeGrant,
  isPermission,
  PERMISSION_TABLE,
  type Grant,
  type Permission,
  type Scope,
} from './permissions';
import { PREDEFINED_ROLES } from './roles';

export const ROLE_NAME_MAX = 100;
export const ROLE_DESCRIPTION_MAX = 500;

/** How the scopes read in forms and messages: "own", "unit and below", "whole organization". */
export const SCOPE_CHOICES: Record<Scope, string> = { own: 'own', unit: 'unit and below', org: 'whole organization' };

/** The scopes a permission may be given at, narrowest first; an unscoped permission reaches the whole organization. */
export function allowedScopes(permission: Permission): readonly Scope[] {
  return PERMISSION_TABLE[permission].scopes ?? ['org'];
}

/** The permissions a buyer organization's custom role may include, in table order. */
export const CUSTOM_ROLE_PERMISSIONS: readonly Permission[] = ALL_PERMISSIONS.filter(
  (permission) => PERMISSION_TABLE[permission].side === 'buyer',
);

/** The names of the predefined roles a buyer organization sees; its custom roles may not take them. */
export const RESERVED_ROLE_NAMES: readonly string[] = PREDEFINED_ROLES.filter((role) => role.side === 'buyer').map(
  (role) => role.name,
);

/** Two names are the same role name when they differ only in case and spacing. */
export function sameRoleName(a: string, b: string): boolean {
  const key = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();
  return key(a) === key(b);
}

/** Why `name` (already trimmed) cannot name a custom role next to `otherNames`, or null when it can. */
export function roleNameProblem(name: string, otherNames: readonly string[]): string | null {
  if (name.length === 0) return 'Enter a name for the role.';
  if (name.length > ROLE_NAME_MAX) return `Use at most ${ROLE_NAME_MAX} characters.`;
  const reserved = RESERVED_ROLE_NAMES.find((other) => sameRoleName(other, name));
  if (reserved) return `“${reserved}” is a predefined role. Choose another name.`;
  const taken = otherNames.find((other) => sameRoleName(other, name));
  if (taken) return `There is already a role called “${taken}”. Choose another name.`;
  return null;
}

/** A grant as a form or API sends it, not yet trusted. */
export type RequestedGrant = { permission: string; scope: string };

export type GrantListResult = { ok: true; grants: Grant[] } | { ok: false; message: string };

/**
 * Checks a custom role's permission list: at least one, each a buyer-side permission listed once,
 * each at a scope the permission allows. The grants come back in table order.
 */
export function checkGrantList(requested: readonly RequestedGrant[]): GrantListResult {
  if (requested.length === 0) return { ok: false, message: 'Choose at least one permission.' };
  const chosen = new Map<Permission, Scope>();
  for (const { permission, scope } of requested) {
    if (!isPermission(permission)) return { ok: false, message: `“${permission}” is not a permission.` };
    const { label, side } = PERMISSION_TABLE[permission];
    if (side !== 'buyer')
      return { ok: false, message: `“${label}” is a staff permission; a role of your organization cannot include it.` };
    if (chosen.has(permission)) return { ok: false, message: `“${label}” is listed twice. List each permission once.` };
    const allowed = allowedScopes(permission);
    if (!(allowed as readonly string[]).includes(scope)) {
      const asked = Object.hasOwn(SCOPE_CHOICES, scope) ? SCOPE_CHOICES[scope as Scope] : scope;
      const choices = allowed.map((s) => SCOPE_CHOICES[s]).join(' or ');
      return { ok: false, message: `“${label}” cannot be given for “${asked}”; choose ${choices}.` };
    }
    chosen.set(permission, scope as Scope);
  }
  const grants = CUSTOM_ROLE_PERMISSIONS.flatMap((permission) => {
    const scope = chosen.get(permission);
    return scope ? [{ permission, scope }] : [];
  });
  return { ok: true, grants };
}

export type CustomRoleDraft = { name: string; description: string; grants: readonly RequestedGrant[] };

/** What may be stored in `roles`: the trimmed name and description and the ENCODED grants. */
export type CustomRoleValues = { name: string; description: string; permissions: string[] };

export type CustomRoleCheck =
  | { ok: true; role: CustomRoleValues }
  | { ok: false; reason: 'invalid'; fieldErrors: Record<string, string[]> }
  | { ok: false; reason: 'beyond_own_grants'; message: string };

/**
 * Whether `actor` may save this custom role: a valid name not used by another role of the
 * organization or by a predefined role, a valid permission list, and nothing in it that reaches
 * further than the actor's own grants — nobody grants what they do not hold. The whole list is
 * checked, on edits too, so nobody can change a role more powerful than themselves.
 */
export function checkCustomRole(
  draft: CustomRoleDraft,
  context: { otherRoleNames: readonly string[]; actorGrants: Grants },
): CustomRoleCheck {
  const name = draft.name.trim();
  const description = draft.description.trim();
  const fieldErrors: Record<string, string[]> = {};
  const nameProblem = roleNameProblem(name, context.otherRoleNames);
  if (nameProblem) fieldErrors.name = [nameProblem];
  if (description.length > ROLE_DESCRIPTION_MAX)
    fieldErrors.description = [`Use at most ${ROLE_DESCRIPTION_MAX} characters.`];
  const list = checkGrantList(draft.grants);
  if (!list.ok) fieldErrors.grants = [list.message];
  if (!list.ok || Object.keys(fieldErrors).length > 0) return { ok: false, reason: 'invalid', fieldErrors };
  const permissions = list.grants.map(encodeGrant);
  const beyond = grantsBeyond(context.actorGrants, permissions);
  if (beyond.length > 0) return { ok: false, reason: 'beyond_own_grants', message: refusalForGrants(beyond) };
  return { ok: true, role: { name, description, permissions } };
}
