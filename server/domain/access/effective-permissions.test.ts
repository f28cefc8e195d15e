import { describe, expect, it } from 'vitest';
import { effectiveGrants, effectivePermissions } from './effective-permissions';
import { decodeGrant, encodeGrant } from './permissions';
import { predefinedRole } from './roles';

const allFlags = { mayOrder: true, maySeePrices: true, maySeeStock: true, mayAuthorizeOrders: true };
const managerPermissions = predefinedRole('account_manager')?.permissions ?? [];

describe('effectivePermissions', () => {
  it("grants the roles' permissions when every flag is on", () => {
    expect([...effectivePermissions(managerPermissions, allFlags)].sort()).toEqual([...managerPermissions].sort());
  });

  it('withholds prices without "may see prices"', () => {
    const permissions = effectivePermissions(managerPermissions, { ...allFlags, maySeePrices: false });
    expect(permissions.has('prices.view')).toBe(false);
    expect(permissions.has('stock.view')).toBe(true);
  });

  it('withholds stock without "may see stock"', () => {
    expect(effectivePermissions(managerPermissions, { ...allFlags, maySeeStock: false }).has('stock.view')).toBe(false);
  });

  it('withholds ordering and quotes without "may order"', () => {
    const permissions = effectivePermissions(managerPermissions, { ...allFlags, mayOrder: false });
    expect(permissions.has('orders.place')).toBe(false);
    expect(permissions.has('quotes.request')).toBe(false);
    expect(permissions.has('org.users.manage')).toBe(true);
  });

  it('withholds approving without "may authorize orders"', () => {
    expect(
      effectivePermissions(managerPermissions, { ...allFlags, mayAuthorizeOrders: false }).has('orders.approve'),
    ).toBe(false);
  });

  it('ignores permission names that are not in the table and scopes a permission does not have', () => {
    expect([
      ...effectivePermissions(
        ['orders.delete_everything', 'orders.view@unit', 'prices.view@own', 'orders.approve@own'],
        allFlags,
      ),
    ]).toEqual(['orders.view']);
  });
});

describe('scoped grants', () => {
  it('keep the widest scope any role gives', () => {
    const grants = effectiveGrants(['orders.view@own', 'orders.view@unit', 'org.users.manage@unit'], allFlags);
    expect(grants.get('orders.view')).toBe('unit');
    expect(effectiveGrants(['orders.view@unit', 'orders.view'], allFlags).get('orders.view')).toBe('org');
    expect(grants.get('org.users.manage')).toBe('unit');
  });

  it('read a bare name as the widest scope, and round-trip through their stored text', () => {
    expect(decodeGrant('orders.view')).toEqual({ permission: 'orders.view', scope: 'org' });
    expect(decodeGrant('prices.view')).toEqual({ permission: 'prices.view', scope: 'org' });
    expect(encodeGrant({ permission: 'orders.view', scope: 'org' })).toBe('orders.view');
    expect(encodeGrant({ permission: 'orders.view', scope: 'own' })).toBe('orders.view@own');
    expect(decodeGrant('orders.view@everywhere')).toBeNull();
  });
});
