import { describe, expect, it } from 'vitest';
import { effectivePermissions } from './effective-permissions';
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
    expect(effectivePermissions(managerPermissions, { ...allFlags, mayAuthorizeOrders: false }).has('orders.approve')).toBe(false);
  });

  it('ignores permission names that are not in the table', () => {
    expect([...effectivePermissions(['orders.delete_everything', 'orders.view.unit'], allFlags)]).toEqual(['orders.view.unit']);
  });
});
