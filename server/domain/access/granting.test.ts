import { describe, expect, it } from 'vitest';
import { effectiveGrants } from './effective-permissions';
import { flagsBeyond, FLAG_PERMISSION, grantsBeyond, refusalForGrants } from './granting';

const flags = { mayOrder: true, maySeePrices: true, maySeeStock: true, mayAuthorizeOrders: true };
const unitAdmin = effectiveGrants(['org.users.manage@unit', 'orders.view@unit', 'prices.view'], flags);

describe('grantsBeyond', () => {
  it('lets an actor pass on what they hold, at their scope or narrower', () => {
    expect(grantsBeyond(unitAdmin, ['orders.view@own', 'orders.view@unit', 'prices.view'])).toEqual([]);
  });

  it('names permissions they lack and scopes wider than theirs', () => {
    expect(grantsBeyond(unitAdmin, ['orders.view', 'orders.approve@unit'])).toEqual([
      { permission: 'orders.view', scope: 'org' },
      { permission: 'orders.approve', scope: 'unit' },
    ]);
    expect(refusalForGrants(grantsBeyond(unitAdmin, ['orders.view']))).toBe(
      'You cannot grant what you do not hold yourself: View orders (the whole organization).',
    );
  });
});

describe('flagsBeyond', () => {
  it('maps each flag to the permission it gates', () => {
    expect(FLAG_PERMISSION).toEqual({
      mayOrder: 'orders.place',
      maySeePrices: 'prices.view',
      maySeeStock: 'stock.view',
      mayAuthorizeOrders: 'orders.approve',
    });
  });

  it('refuses turning on a flag whose permission the actor lacks; turning it off is always allowed', () => {
    expect(flagsBeyond(unitAdmin, { maySeePrices: true, mayAuthorizeOrders: true, mayOrder: false })).toEqual([
      'mayAuthorizeOrders',
    ]);
  });
});
