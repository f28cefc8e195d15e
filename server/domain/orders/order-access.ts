import type { Actor } from '../access/actor';
import type { Grants } from '../access/effective-permissions';
import type { Scope } from '../access/permissions';
import { orderTransition, type OrderStatus } from './state-machine';

/**
 * Who looks at or acts on an order: their membership, organization and scoped grants, and — when
 * some grant reaches 'unit' — their unit with every unit below it.
 */
export type OrderActor = Pick<Actor, 'membershipId' | 'organizationId' | 'grants'> & {
  unitsInReach: ReadonlySet<string>;
};

/** What the decisions need to know about an order. */
export type OrderRef = { organizationId: string; unitId: string; membershipId: string; status: OrderStatus };

/** Whether a grant of this scope reaches the order: the member's own, their units', or the organization's. */
export function scopeReachesOrder(scope: Scope | undefined, actor: OrderActor, order: OrderRef): boolean {
  if (!scope || order.organizationId !== actor.organizationId) return false;
  if (scope === 'org') return true;
  if (scope === 'unit') return actor.unitsInReach.has(order.unitId);
  return order.membershipId === actor.membershipId;
}

/** Orders a member may see: those their 'orders.view' reaches. */
export function mayViewOrder(actor: OrderActor, order: OrderRef): boolean {
  return scopeReachesOrder(actor.grants.get('orders.view'), actor, order);
}

/** Whether some grant gives the member a say over cancelling the order (ignoring its status). */
function mayCancelByPermission(actor: OrderActor, order: OrderRef): boolean {
  if (order.organizationId !== actor.organizationId) return false;
  const isRequester = order.membershipId === actor.membershipId && actor.grants.has('orders.place');
  return isRequester || scopeReachesOrder(actor.grants.get('orders.approve'), actor, order);
}

export type CancelRefusal = { code: 'not_found' | 'forbidden' | 'conflict'; message: string };

/**
 * Why this member may not cancel the order now, or null when they may: the requester (still
 * allowed to place orders) or an authorizer whose reach covers it, while the state machine allows
 * (before release). Someone who may not even see the order is told it does not exist.
 */
export function cancelRefusal(actor: OrderActor, order: OrderRef): CancelRefusal | null {
  const permitted = mayCancelByPermission(actor, order);
  if (!permitted && !mayViewOrder(actor, order)) return { code: 'not_found', message: 'That order was not found.' };
  if (!permitted)
    return {
      code: 'forbidden',
      message: 'Only the person who placed this order or an authorizer over it can cancel it.',
    };
  const transition = orderTransition(order.status, 'cancel');
  return transition.ok ? null : { code: 'conflict', message: transition.message };
}

/** Units a decision may need: only when one of the order grants reaches 'unit'. */
export function needsUnitReach(grants: Grants): boolean {
  return grants.get('orders.view') === 'unit' || grants.get('orders.approve') === 'unit';
}

/** Reordering puts an order the member can see into their own cart: it needs 'orders.place'. */
export function mayReorder(actor: OrderActor, order: OrderRef): boolean {
  return actor.grants.has('orders.place') && mayViewOrder(actor, order);
}
