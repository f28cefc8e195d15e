import type { Grants } from './effective-permissions';
import {
  decodeGrant,
  PERMISSION_TABLE,
  SCOPE_LABELS,
  scopeCovers,
  type Grant,
  type MembershipFlag,
  type Permission,
} from './permissions';

/**
 * Nobody grants what they do not hold: the entries of `requested` (encoded grants) that reach
 * further than the actor's own grants — a permission they lack, or a wider scope than theirs.
 */
export function grantsBeyond(actor: Grants, requested: readonly string[]): Grant[] {
  return requested.flatMap((text) => {
    const grant = decodeGrant(text);
    if (!grant) return [];
    const held = actor.get(grant.permission);
    return held && scopeCovers(held, grant.scope) ? [] : [grant];
  });
}

/** The main permission each membership flag gates; turning a flag on grants it in effect. */
export const FLAG_PERMISSION: Record<MembershipFlag, Permission> = {
  mayOrder: 'orders.place',
  maySeePrices: 'prices.view',
  maySeeStock: 'stock.view',
  mayAuthorizeOrders: 'orders.approve',
};

/** Flags being turned on whose permission the actor does not hold themselves. */
export function flagsBeyond(actor: Grants, flags: Partial<Record<MembershipFlag, boolean>>): MembershipFlag[] {
  return (Object.keys(FLAG_PERMISSION) as MembershipFlag[]).filter(
    (flag) => flags[flag] === true && !actor.has(FLAG_PERMISSION[flag]),
  );
}

export function describeGrant(grant: Grant): string {
  const scoped = PERMISSION_TABLE[grant.permission].scopes ? ` (${SCOPE_LABELS[grant.scope]})` : '';
  return `${PERMISSION_TABLE[grant.permission].label}${scoped}`;
}

export function describeGrants(grants: Grant[]): string {
  return grants.map(describeGrant).join('; ');
}

/** The sentence for a refusal: "You cannot grant what you do not hold yourself: Approve orders (the whole organization)." */
export function refusalForGrants(grants: Grant[]): string {
  return `You cannot grant what you do not hold yourself: ${describeGrants(grants)}.`;
}
