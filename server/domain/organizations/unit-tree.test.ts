import { describe, expect, it } from 'vitest';
import {
  checkCreate,
  checkDeactivate,
  checkMove,
  checkReactivate,
  checkRename,
  MAX_UNIT_DEPTH,
  moveTargets,
  normalizeUnitName,
  subtreeHeight,
  subtreeIds,
  unitDepth,
  type TreeUnit,
} from './unit-tree';

const unit = (id: string, parentId: string | null, status: TreeUnit['status'] = 'active'): TreeUnit => ({
  id,
  parentId,
  name: id,
  status,
});

/**
 * org (1)
 * ├── sales (2)
 * │   └── east (3)
 * │       └── boston (4)
 * │           └── dock (5)
 * ├── finance (2)
 * │   └── audit (3)
 * │       └── tax (4)
 * └── closed (2, deactivated)
 *     └── annex (3, deactivated)
 */
const TREE: TreeUnit[] = [
  unit('org', null),
  unit('sales', 'org'),
  unit('east', 'sales'),
  unit('boston', 'east'),
  unit('dock', 'boston'),
  unit('finance', 'org'),
  unit('audit', 'finance'),
  unit('tax', 'audit'),
  unit('closed', 'org', 'suspended'),
  unit('annex', 'closed', 'suspended'),
];

const LEVELS = 'the tree has at most 5 levels, counting the organization itself as level 1';

describe('depth and branches', () => {
  it.each([
    ['org', 1],
    ['sales', 2],
    ['east', 3],
    ['boston', 4],
    ['dock', 5],
  ])('%s is at level %i', (id, depth) => {
    expect(unitDepth(TREE, id)).toBe(depth);
  });

  it.each([
    ['dock', 1],
    ['boston', 2],
    ['finance', 3],
    ['org', 5],
  ])('the branch of %s spans %i levels', (id, height) => {
    expect(subtreeHeight(TREE, id)).toBe(height);
  });

  it('lists a unit and everything below it', () => {
    expect(subtreeIds(TREE, 'east').sort()).toEqual(['boston', 'dock', 'east']);
  });

  it('refuses to walk a tree with a cycle rather than loop forever', () => {
    expect(() => unitDepth([unit('a', 'b'), unit('b', 'a')], 'a')).toThrow(/cycle/);
  });
});

describe('checkCreate', () => {
  it.each([
    { parentId: 'org', name: 'Legal', expected: { ok: true } },
    { parentId: 'boston', name: 'Pier', expected: { ok: true } }, // the new unit is at level 5: allowed
    {
      parentId: 'dock',
      name: 'Crane',
      expected: {
        ok: false,
        message: `“dock” is at level 5, the deepest allowed: ${LEVELS}. Add the unit higher up instead.`,
      },
    },
    { parentId: 'org', name: '   ', expected: { ok: false, message: 'Enter a name for the unit.', field: 'name' } },
    {
      parentId: 'org',
      name: 'x'.repeat(101),
      expected: { ok: false, message: 'Use at most 100 characters.', field: 'name' },
    },
    {
      parentId: 'org',
      name: '  SALES ',
      expected: {
        ok: false,
        field: 'name',
        message:
          'There is already a unit named “sales” directly under “org”. Units under the same parent need different names (upper and lower case count as the same).',
      },
    },
    {
      parentId: 'closed',
      name: 'Wing',
      expected: { ok: false, message: '“closed” is deactivated. Reactivate it before adding units below it.' },
    },
  ])('under $parentId named "$name"', ({ parentId, name, expected }) => {
    expect(checkCreate(TREE, { parentId, name })).toEqual(expected);
  });

  it(`allows ${MAX_UNIT_DEPTH} levels and refuses the sixth`, () => {
    expect(checkCreate(TREE, { parentId: 'boston', name: 'Level five' }).ok).toBe(true);
    expect(checkCreate(TREE, { parentId: 'dock', name: 'Level six' }).ok).toBe(false);
  });
});

describe('checkRename', () => {
  it.each([
    { unitId: 'east', name: 'East coast', expected: { ok: true } },
    { unitId: 'east', name: 'EAST', expected: { ok: true } }, // only its own name differs in case
    {
      unitId: 'finance',
      name: 'Sales',
      expected: {
        ok: false,
        field: 'name',
        message:
          'There is already a unit named “sales” directly under “org”. Units under the same parent need different names (upper and lower case count as the same).',
      },
    },
    { unitId: 'tax', name: 'sales', expected: { ok: true } }, // a unit elsewhere in the tree may share a name
    { unitId: 'east', name: '', expected: { ok: false, message: 'Enter a name for the unit.', field: 'name' } },
    {
      unitId: 'org',
      name: 'New name',
      expected: {
        ok: false,
        message:
          '“org” is the organization itself; its name is the one registered with the seller. Ask your account representative to change it.',
      },
    },
  ])('$unitId to "$name"', ({ unitId, name, expected }) => {
    expect(checkRename(TREE, { unitId, name })).toEqual(expected);
  });

  it('stores names trimmed with single spaces', () => {
    expect(normalizeUnitName('  Plant   North \t')).toBe('Plant North');
  });
});

describe('checkMove', () => {
  it.each([
    { unitId: 'east', parentId: 'finance', expected: { ok: true } },
    { unitId: 'boston', parentId: 'audit', expected: { ok: true } }, // 3 + 2 = level 5 at the deepest: allowed
    {
      unitId: 'boston',
      parentId: 'tax',
      expected: {
        ok: false,
        field: 'parentId',
        message: `“boston” with the 1 level below it cannot go under “tax” (level 4): its units would reach level 6, but ${LEVELS}.`,
      },
    },
    {
      unitId: 'dock',
      parentId: 'tax',
      expected: { ok: true },
    },
    {
      unitId: 'sales',
      parentId: 'east',
      expected: {
        ok: false,
        field: 'parentId',
        message:
          '“sales” cannot be moved under “east”, because “east” is below “sales”. Choose a unit outside its branch.',
      },
    },
    {
      unitId: 'sales',
      parentId: 'dock',
      expected: {
        ok: false,
        field: 'parentId',
        message:
          '“sales” cannot be moved under “dock”, because “dock” is below “sales”. Choose a unit outside its branch.',
      },
    },
    {
      unitId: 'sales',
      parentId: 'sales',
      expected: { ok: false, field: 'parentId', message: '“sales” cannot be moved under itself.' },
    },
    {
      unitId: 'org',
      parentId: 'sales',
      expected: { ok: false, message: '“org” is the organization itself, the top of the tree; it cannot be moved.' },
    },
    {
      unitId: 'east',
      parentId: 'sales',
      expected: { ok: false, field: 'parentId', message: '“east” is already directly under “sales”.' },
    },
    {
      unitId: 'audit',
      parentId: 'closed',
      expected: {
        ok: false,
        field: 'parentId',
        message:
          '“closed” is deactivated; an active unit cannot be moved below it. Reactivate it first or choose another unit.',
      },
    },
    { unitId: 'annex', parentId: 'finance', expected: { ok: true } }, // a deactivated unit may move anywhere
  ])('$unitId under $parentId', ({ unitId, parentId, expected }) => {
    expect(checkMove(TREE, { unitId, parentId })).toEqual(expected);
  });

  it('refuses a two-level branch under a level-4 unit', () => {
    const verdict = checkMove(TREE, { unitId: 'boston', parentId: 'tax' });
    expect(verdict).toMatchObject({ ok: false, message: expect.stringContaining('would reach level 6') });
  });

  it('refuses a name that is taken under the new parent', () => {
    const tree = [...TREE, unit('Audit', 'sales')];
    expect(checkMove(tree, { unitId: 'Audit', parentId: 'finance' })).toMatchObject({
      ok: false,
      field: 'parentId',
      message: expect.stringContaining('There is already a unit named “audit” directly under “finance”.'),
    });
  });

  it('offers as targets exactly the units the move rules accept', () => {
    expect(moveTargets(TREE, 'east').map((target) => target.id)).toEqual(['org', 'finance']);
    expect(moveTargets(TREE, 'org')).toEqual([]);
  });
});

describe('checkDeactivate', () => {
  const none = new Map<string, number>();
  it.each([
    { unitId: 'dock', members: none, expected: { ok: true } },
    {
      unitId: 'dock',
      members: new Map([['dock', 3]]),
      expected: {
        ok: false,
        message:
          '“dock” cannot be deactivated while 3 activated members belong to it or to the units below it. Move them to another unit or deactivate them first.',
      },
    },
    {
      unitId: 'east',
      members: new Map([['dock', 1]]),
      expected: {
        ok: false,
        message:
          '“east” cannot be deactivated while 1 activated member belongs to it or to the units below it. Move them to another unit or deactivate them first.',
      },
    },
    {
      unitId: 'boston',
      members: none,
      expected: {
        ok: false,
        message:
          '“boston” cannot be deactivated while 1 active unit is directly below it. Deactivate or move it first.',
      },
    },
    { unitId: 'closed', members: none, expected: { ok: false, message: '“closed” is already deactivated.' } },
    {
      unitId: 'org',
      members: none,
      expected: { ok: false, message: '“org” is the organization itself; it cannot be deactivated here.' },
    },
  ])('$unitId', ({ unitId, members, expected }) => {
    expect(checkDeactivate(TREE, { unitId, activatedMembers: members })).toEqual(expected);
  });

  it('counts several active units below', () => {
    const tree = [...TREE, unit('south', 'sales')];
    expect(checkDeactivate(tree, { unitId: 'sales', activatedMembers: none })).toMatchObject({
      message:
        '“sales” cannot be deactivated while 2 active units are directly below it. Deactivate or move them first.',
    });
  });
});

describe('checkReactivate', () => {
  it.each([
    { unitId: 'closed', expected: { ok: true } },
    {
      unitId: 'annex',
      expected: {
        ok: false,
        message:
          '“annex” cannot be reactivated while “closed”, the unit above it, is deactivated. Reactivate “closed” first.',
      },
    },
    { unitId: 'sales', expected: { ok: false, message: '“sales” is already active.' } },
    {
      unitId: 'org',
      expected: { ok: false, message: '“org” is the organization itself; it cannot be reactivated here.' },
    },
  ])('$unitId', ({ unitId, expected }) => {
    expect(checkReactivate(TREE, { unitId })).toEqual(expected);
  });
});
