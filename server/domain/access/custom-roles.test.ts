import { describe, expect, it } from 'vitest';
import {
  allowedScopes,
  checkCustomRole,
  checkGrantList,
  CUSTOM_ROLE_PERMISSIONS,
  RESERVED_ROLE_NAMES,
  roleNameProblem,
  sameRoleName,
} from './custom-roles';
import { effectiveGrants } from './effective-permissions';
import { permissionsForSide } from './permissions';

const allFlags = { mayOrder: true, maySeePrices: true, maySeeStock: true, mayAuthorizeOrders: true };
const manager = effectiveGrants(permissionsForSide('buyer'), allFlags);
const unitAdmin = effectiveGrants(['org.roles.manage', 'orders.view@unit', 'orders.place', 'prices.view'], allFlags);

describe('roleNameProblem', () => {
  it.each([
    ['Purchasing lead', [], null],
    ['', [], 'Enter a name for the role.'],
    ['x'.repeat(100), [], null],
    ['x'.repeat(101), [], 'Use at most 100 characters.'],
    ['buyer', [], '“Buyer” is a predefined role. Choose another name.'],
    ['ACCOUNT  MANAGER', [], '“Account manager” is a predefined role. Choose another name.'],
    ['purchasing LEAD', ['Purchasing lead'], 'There is already a role called “Purchasing lead”. Choose another name.'],
    ['Purchasing leads', ['Purchasing lead'], null],
  ] as const)('%j next to %j → %j', (name, others, expected) => {
    expect(roleNameProblem(name, others)).toBe(expected);
  });

  it('reserves exactly the buyer-side predefined names', () => {
    expect(RESERVED_ROLE_NAMES).toEqual(['Account manager', 'Buyer', 'Authorizer', 'Viewer']);
    expect(sameRoleName(' Fulfillment  clerk ', 'fulfillment clerk')).toBe(true);
  });
});

describe('checkGrantList', () => {
  it('accepts buyer permissions at allowed scopes and returns them in table order', () => {
    expect(
      checkGrantList([
        { permission: 'prices.view', scope: 'org' },
        { permission: 'orders.view', scope: 'unit' },
        { permission: 'orders.place', scope: 'org' },
      ]),
    ).toEqual({
      ok: true,
      grants: [
        { permission: 'orders.place', scope: 'org' },
        { permission: 'orders.view', scope: 'unit' },
        { permission: 'prices.view', scope: 'org' },
      ],
    });
  });

  it.each([
    [[], 'Choose at least one permission.'],
    [[{ permission: 'orders.cancel', scope: 'org' }], '“orders.cancel” is not a permission.'],
    [
      [{ permission: 'staff.fulfillment.work', scope: 'org' }],
      '“Work fulfillment” is a staff permission; a role of your organization cannot include it.',
    ],
    [
      [
        { permission: 'orders.view', scope: 'own' },
        { permission: 'orders.view', scope: 'org' },
      ],
      '“View orders” is listed twice. List each permission once.',
    ],
    [
      [{ permission: 'orders.approve', scope: 'own' }],
      '“Approve orders” cannot be given for “own”; choose unit and below or whole organization.',
    ],
    [
      [{ permission: 'prices.view', scope: 'unit' }],
      '“View prices” cannot be given for “unit and below”; choose whole organization.',
    ],
    [
      [{ permission: 'stock.view', scope: 'galaxy' }],
      '“View stock” cannot be given for “galaxy”; choose whole organization.',
    ],
  ])('refuses %j: %s', (grants, message) => {
    expect(checkGrantList(grants)).toEqual({ ok: false, message });
  });

  it('knows every scope each buyer permission allows', () => {
    expect(
      Object.fromEntries(CUSTOM_ROLE_PERMISSIONS.map((permission) => [permission, allowedScopes(permission)])),
    ).toEqual({
      'org.users.manage': ['unit', 'org'],
      'org.roles.manage': ['org'],
      'org.units.manage': ['org'],
      'org.approvals.manage': ['org'],
      'orders.place': ['org'],
      'quotes.request': ['org'],
      'orders.view': ['own', 'unit', 'org'],
      'orders.approve': ['unit', 'org'],
      'prices.view': ['org'],
      'stock.view': ['org'],
      'insights.view': ['unit', 'org'],
    });
  });
});

describe('checkCustomRole', () => {
  const draft = {
    name: '  Purchasing lead ',
    description: ' Leads purchasing. ',
    grants: [
      { permission: 'orders.view', scope: 'unit' },
      { permission: 'orders.place', scope: 'org' },
    ],
  };

  it('trims and stores encoded grants, the widest scope as the bare name', () => {
    expect(checkCustomRole(draft, { otherRoleNames: [], actorGrants: manager })).toEqual({
      ok: true,
      role: {
        name: 'Purchasing lead',
        description: 'Leads purchasing.',
        permissions: ['orders.place', 'orders.view@unit'],
      },
    });
    const wide = { ...draft, grants: [{ permission: 'orders.view', scope: 'org' }] };
    expect(checkCustomRole(wide, { otherRoleNames: [], actorGrants: manager })).toMatchObject({
      ok: true,
      role: { permissions: ['orders.view'] },
    });
  });

  it('lets an actor give what they hold, at their scope or narrower', () => {
    const own = {
      ...draft,
      grants: [
        { permission: 'orders.view', scope: 'own' },
        { permission: 'prices.view', scope: 'org' },
      ],
    };
    expect(checkCustomRole(own, { otherRoleNames: [], actorGrants: unitAdmin }).ok).toBe(true);
    expect(checkCustomRole(draft, { otherRoleNames: [], actorGrants: unitAdmin }).ok).toBe(true);
  });

  it.each([
    [
      [{ permission: 'orders.view', scope: 'org' }],
      'You cannot grant what you do not hold yourself: View orders (the whole organization).',
    ],
    [
      [{ permission: 'orders.approve', scope: 'unit' }],
      'You cannot grant what you do not hold yourself: Approve orders (their unit and the units below it).',
    ],
    [
      [
        { permission: 'stock.view', scope: 'org' },
        { permission: 'orders.view', scope: 'org' },
      ],
      'You cannot grant what you do not hold yourself: View orders (the whole organization); View stock.',
    ],
  ])('refuses grants beyond the actor’s own: %j', (grants, message) => {
    expect(checkCustomRole({ ...draft, grants }, { otherRoleNames: [], actorGrants: unitAdmin })).toEqual({
      ok: false,
      reason: 'beyond_own_grants',
      message,
    });
  });

  it('does not count a permission whose flag is off on the actor', () => {
    const noPrices = effectiveGrants(permissionsForSide('buyer'), { ...allFlags, maySeePrices: false });
    expect(
      checkCustomRole(
        { ...draft, grants: [{ permission: 'prices.view', scope: 'org' }] },
        { otherRoleNames: [], actorGrants: noPrices },
      ),
    ).toMatchObject({
      ok: false,
      reason: 'beyond_own_grants',
    });
  });

  it('reports every invalid field at once, before looking at the actor’s grants', () => {
    const bad = { name: 'Viewer', description: 'x'.repeat(501), grants: [] };
    expect(checkCustomRole(bad, { otherRoleNames: [], actorGrants: unitAdmin })).toEqual({
      ok: false,
      reason: 'invalid',
      fieldErrors: {
        name: ['“Viewer” is a predefined role. Choose another name.'],
        description: ['Use at most 500 characters.'],
        grants: ['Choose at least one permission.'],
      },
    });
  });
});
