import { describe, expect, it } from 'vitest';
import { effectiveGrants } from '../access/effective-permissions';
import {
  cancelRefusal,
  mayReorder,
  mayViewOrder,
  needsUnitReach,
  type OrderActor,
  type OrderRef,
} from './order-access';
import { displayStatus, DISPLAY_STATUS_LABELS } from './display-status';

const ALL_FLAGS = { mayOrder: true, maySeePrices: true, maySeeStock: true, mayAuthorizeOrders: true };

function actor(grants: string[], overrides: Partial<OrderActor> = {}): OrderActor {
  return {
    membershipId: 'me',
    organizationId: 'org',
    grants: effectiveGrants(grants, ALL_FLAGS),
    unitsInReach: new Set(['plant', 'plant-east']),
    ...overrides,
  };
}

const mine: OrderRef = { organizationId: 'org', unitId: 'plant', membershipId: 'me', status: 'payment_authorized' };
const colleagues: OrderRef = { ...mine, membershipId: 'colleague' };
const belowMyUnit: OrderRef = { ...colleagues, unitId: 'plant-east' };
const otherUnit: OrderRef = { ...colleagues, unitId: 'head-office' };
const otherOrganization: OrderRef = { ...mine, organizationId: 'other' };

describe('mayViewOrder', () => {
  it.each([
    ['own', mine, true],
    ['own', colleagues, false],
    ['unit', belowMyUnit, true],
    ['unit', otherUnit, false],
    ['org', otherUnit, true],
    ['org', otherOrganization, false],
  ] as const)('orders.view@%s sees %o: %s', (scope, order, expected) => {
    expect(mayViewOrder(actor([`orders.view@${scope}`]), order)).toBe(expected);
  });

  it('sees nothing without orders.view, even with other grants', () => {
    expect(mayViewOrder(actor(['orders.place', 'prices.view']), mine)).toBe(false);
  });
});

describe('cancelRefusal', () => {
  const buyer = actor(['orders.place', 'orders.view@own']);
  const authorizer = actor(['orders.approve@unit', 'orders.view@unit']);

  it('lets the requester cancel before release', () => {
    for (const status of [
      'pending_approval',
      'declined',
      'payment_review',
      'backordered',
      'payment_authorized',
    ] as const) {
      expect(cancelRefusal(buyer, { ...mine, status })).toBeNull();
    }
  });

  it('refuses after release with the state machine’s message', () => {
    expect(cancelRefusal(buyer, { ...mine, status: 'released' })).toEqual({
      code: 'conflict',
      message: 'You cannot cancel an order that is released to fulfillment.',
    });
    expect(cancelRefusal(buyer, { ...mine, status: 'canceled' })).toMatchObject({
      code: 'conflict',
      message: 'You cannot cancel an order that is canceled.',
    });
  });

  it('lets an authorizer cancel orders within their reach, and no others', () => {
    expect(cancelRefusal(authorizer, belowMyUnit)).toBeNull();
    expect(cancelRefusal(authorizer, otherUnit)).toEqual({ code: 'not_found', message: 'That order was not found.' });
    expect(cancelRefusal(actor(['orders.approve@org']), otherUnit)).toBeNull();
  });

  it('refuses a requester who may no longer place orders, and someone who only views', () => {
    expect(cancelRefusal(actor(['orders.view@own']), mine)).toMatchObject({ code: 'forbidden' });
    expect(cancelRefusal(actor(['orders.view@org', 'orders.place']), colleagues)).toEqual({
      code: 'forbidden',
      message: 'Only the person who placed this order or an authorizer over it can cancel it.',
    });
  });

  it('never reaches another organization’s order, whatever the grants', () => {
    expect(
      cancelRefusal(actor(['orders.approve@org', 'orders.view@org', 'orders.place']), {
        ...otherOrganization,
        membershipId: 'me',
      }),
    ).toMatchObject({ code: 'not_found' });
  });
});

describe('mayReorder and needsUnitReach', () => {
  it('reorders what one sees, with orders.place', () => {
    expect(mayReorder(actor(['orders.place', 'orders.view@org']), otherUnit)).toBe(true);
    expect(mayReorder(actor(['orders.view@org']), otherUnit)).toBe(false);
    expect(mayReorder(actor(['orders.place', 'orders.view@own']), colleagues)).toBe(false);
  });

  it('asks for the unit tree only when a grant reaches a unit', () => {
    expect(needsUnitReach(actor(['orders.view@own', 'orders.approve@org']).grants)).toBe(false);
    expect(needsUnitReach(actor(['orders.view@own', 'orders.approve@unit']).grants)).toBe(true);
  });
});

describe('displayStatus', () => {
  it('shows a released order with shipped items as partially shipped', () => {
    expect(displayStatus('released', true)).toBe('partially_shipped');
    expect(displayStatus('released', false)).toBe('released');
    expect(displayStatus('shipped', true)).toBe('shipped');
    expect(DISPLAY_STATUS_LABELS.partially_shipped).toBe('Partially shipped');
    expect(DISPLAY_STATUS_LABELS.canceled).toBe('Canceled');
  });
});
