import { TRPCError } from '@trpc/server';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditLog, organizations, type Organization } from '@/db/schema';
import { setupTestDatabase } from '@/server/testing/database';
import {
  ACCOUNT_MANAGER,
  createCaller,
  createMember,
  createOrganization,
  signIn,
  unique,
  type Member,
} from '@/server/testing/factories';
import { trpcErrorOf } from '@/server/testing/errors';
import { lockWaiters } from '@/server/testing/locks';

const database = setupTestDatabase();

// Each test gets an organization of its own, so trees and audit rows never mix between tests.
let organization: Organization;
let administrator: Member;

beforeEach(async () => {
  organization = await createOrganization(database.db, { name: `Tree Holdings ${unique()}` });
  administrator = await createMember(database.db, organization, ACCOUNT_MANAGER);
});

const api = async (member: Member = administrator) => createCaller(await signIn(database.db, member.membership));

/** Adds units through the API: `chain(['A', 'B'])` makes A below the organization and B below A. */
async function chain(names: string[], parentId = organization.id): Promise<string[]> {
  const ids: string[] = [];
  for (const name of names) {
    const { id } = await (await api()).units.create({ parentId: ids.at(-1) ?? parentId, name });
    ids.push(id);
  }
  return ids;
}

async function auditOf(unitId: string) {
  return database.db
    .select({
      action: auditLog.action,
      targetType: auditLog.targetType,
      data: auditLog.data,
      actorUserId: auditLog.actorUserId,
      organizationId: auditLog.organizationId,
    })
    .from(auditLog)
    .where(and(eq(auditLog.targetId, unitId), eq(auditLog.organizationId, organization.id)))
    .orderBy(desc(auditLog.id));
}

async function unitRow(id: string | undefined): Promise<Organization> {
  const [row] = await database.db
    .select()
    .from(organizations)
    .where(eq(organizations.id, id ?? ''));
  if (!row) throw new Error(`no unit ${id}`);
  return row;
}

const nodeOf = async (id: string) => (await (await api()).units.tree()).units.find((unit) => unit.id === id);

describe('editing the tree', () => {
  it('creates, renames, moves, deactivates and reactivates, writing each change to the audit log', async () => {
    const [sales, east] = await chain(['Sales', 'East']);
    const [finance] = await chain(['Finance']);
    if (!sales || !east || !finance) throw new Error('units were not created');
    const caller = await api();

    await caller.units.rename({ unitId: east, name: '  East   coast ' });
    await caller.units.move({ unitId: east, parentId: finance });
    await caller.units.deactivate({ unitId: east });
    expect(await nodeOf(east)).toMatchObject({ name: 'East coast', parentId: finance, status: 'suspended', depth: 3 });
    await caller.units.reactivate({ unitId: east });
    expect((await nodeOf(east))?.status).toBe('active');

    const entries = await auditOf(east);
    expect(entries.map((entry) => entry.action).sort()).toEqual([
      'unit.created',
      'unit.deactivated',
      'unit.moved',
      'unit.reactivated',
      'unit.renamed',
    ]);
    expect(entries.every((entry) => entry.targetType === 'unit' && entry.actorUserId === administrator.user.id)).toBe(
      true,
    );
    const data = Object.fromEntries(entries.map((entry) => [entry.action, entry.data]));
    expect(data).toMatchObject({
      'unit.created': { name: 'East', parentName: 'Sales' },
      'unit.renamed': { name: 'East coast', previousName: 'East' },
      'unit.moved': { name: 'East coast', fromParentName: 'Sales', toParentName: 'Finance' },
      'unit.deactivated': { name: 'East coast' },
      'unit.reactivated': { name: 'East coast' },
    });
  });

  it('shows the tree with levels and members, directly and including the units below', async () => {
    const [plant, line] = await chain(['Plant', 'Line']);
    await createMember(database.db, organization, { unit: await unitRow(plant) });
    await createMember(database.db, organization, { unit: await unitRow(line) });
    await createMember(database.db, organization, { unit: await unitRow(line), activated: false });
    const tree = await (await api()).units.tree();
    expect(tree.maxDepth).toBe(5);
    expect(tree.units.find((node) => node.id === organization.id)).toMatchObject({
      parentId: null,
      depth: 1,
      members: 1,
      totalMembers: 4,
    });
    expect(tree.units.find((node) => node.id === plant)).toMatchObject({ depth: 2, members: 1, totalMembers: 3 });
    expect(tree.units.find((node) => node.id === line)).toMatchObject({ depth: 3, members: 2, totalMembers: 2 });
  });

  it('allows a unit at level 5 and refuses one at level 6', async () => {
    const ids = await chain(['Two', 'Three', 'Four', 'Five']);
    expect(await nodeOf(ids.at(-1) ?? '')).toMatchObject({ depth: 5 });
    const refused = await trpcErrorOf((await api()).units.create({ parentId: ids.at(-1) ?? '', name: 'Six' }));
    expect(refused).toMatchObject({
      code: 'PRECONDITION_FAILED',
      message:
        '“Five” is at level 5, the deepest allowed: the tree has at most 5 levels, counting the organization itself as level 1. Add the unit higher up instead.',
    });
  });
});

describe('refusals', () => {
  it('refuses to move a unit under its own child, beside the field', async () => {
    const [parent, child] = await chain(['Parent', 'Child']);
    const refused = await trpcErrorOf((await api()).units.move({ unitId: parent ?? '', parentId: child ?? '' }));
    const message =
      '“Parent” cannot be moved under “Child”, because “Child” is below “Parent”. Choose a unit outside its branch.';
    expect(refused).toMatchObject({ code: 'BAD_REQUEST', message });
    expect(refused.cause).toMatchObject({ fieldErrors: { parentId: [message] } });
  });

  it('refuses a two-level branch under a level-4 unit', async () => {
    const [, , deep] = await chain(['A', 'B', 'C']);
    const [branch] = await chain(['Branch', 'Leaf']);
    const refused = await trpcErrorOf((await api()).units.move({ unitId: branch ?? '', parentId: deep ?? '' }));
    expect(refused.message).toBe(
      '“Branch” with the 1 level below it cannot go under “C” (level 4): its units would reach level 6, but the tree has at most 5 levels, counting the organization itself as level 1.',
    );
  });

  it('refuses a name already used under the same parent, whatever the case', async () => {
    await chain(['Finance']);
    const refused = await trpcErrorOf((await api()).units.create({ parentId: organization.id, name: 'FINANCE' }));
    expect(refused.cause).toMatchObject({
      fieldErrors: {
        name: [
          `There is already a unit named “Finance” directly under “${organization.name}”. Units under the same parent need different names (upper and lower case count as the same).`,
        ],
      },
    });
  });

  it('refuses to deactivate a unit while activated members belong to it or below it', async () => {
    const [branch, leaf] = await chain(['Branch', 'Leaf']);
    await createMember(database.db, organization, { unit: await unitRow(leaf) });
    const refused = await trpcErrorOf((await api()).units.deactivate({ unitId: branch ?? '' }));
    expect(refused).toMatchObject({
      code: 'PRECONDITION_FAILED',
      message:
        '“Branch” cannot be deactivated while 1 activated member belongs to it or to the units below it. Move them to another unit or deactivate them first.',
    });
    const root = await trpcErrorOf((await api()).units.deactivate({ unitId: organization.id }));
    expect(root.message).toBe(`“${organization.name}” is the organization itself; it cannot be deactivated here.`);
  });

  it('allows deactivating a unit whose only members are deactivated, and refuses it while active units are below', async () => {
    const [branch, leaf] = await chain(['Branch', 'Leaf']);
    await createMember(database.db, organization, { unit: await unitRow(leaf), activated: false });
    const caller = await api();
    expect((await trpcErrorOf(caller.units.deactivate({ unitId: branch ?? '' }))).message).toBe(
      '“Branch” cannot be deactivated while 1 active unit is directly below it. Deactivate or move it first.',
    );
    await caller.units.deactivate({ unitId: leaf ?? '' });
    await caller.units.deactivate({ unitId: branch ?? '' });
    expect((await nodeOf(branch ?? ''))?.status).toBe('suspended');
  });

  it('refuses to reactivate a unit below a deactivated one', async () => {
    const [upper, lower] = await chain(['Upper', 'Lower']);
    const caller = await api();
    await caller.units.deactivate({ unitId: lower ?? '' });
    await caller.units.deactivate({ unitId: upper ?? '' });
    const refused = await trpcErrorOf(caller.units.reactivate({ unitId: lower ?? '' }));
    expect(refused.message).toBe(
      '“Lower” cannot be reactivated while “Upper”, the unit above it, is deactivated. Reactivate “Upper” first.',
    );
  });

  it('refuses members without permission to manage units', async () => {
    const buyer = await createMember(database.db, organization, { roles: ['buyer'] });
    expect((await trpcErrorOf((await api(buyer)).units.tree())).code).toBe('FORBIDDEN');
    expect(
      (await trpcErrorOf((await api(buyer)).units.create({ parentId: organization.id, name: 'Sneaky' }))).code,
    ).toBe('FORBIDDEN');
  });

  it("answers NOT_FOUND for another organization's units and changes nothing there", async () => {
    const other = await createOrganization(database.db);
    const foreign = await createOrganization(database.db, { parent: other, name: 'Foreign' });
    const [mine] = await chain(['Mine']);
    const caller = await api();
    const attempts = [
      () => caller.units.create({ parentId: foreign.id, name: 'Probe' }),
      () => caller.units.rename({ unitId: foreign.id, name: 'Probe' }),
      () => caller.units.move({ unitId: foreign.id, parentId: organization.id }),
      () => caller.units.move({ unitId: mine ?? '', parentId: foreign.id }),
      () => caller.units.deactivate({ unitId: foreign.id }),
      () => caller.units.reactivate({ unitId: foreign.id }),
    ];
    for (const attempt of attempts)
      expect(await trpcErrorOf(attempt())).toMatchObject({ code: 'NOT_FOUND', message: 'That unit was not found.' });
    const [after] = await database.db.select().from(organizations).where(eq(organizations.id, foreign.id));
    expect(after).toMatchObject({ name: 'Foreign', parentId: other.id, status: 'active' });
    expect((await caller.units.tree()).units.map((unit) => unit.id)).not.toContain(foreign.id);
  });
});

describe('concurrent edits', () => {
  it('of two crossing moves, applies exactly one and refuses the other', async () => {
    const [a] = await chain(['A']);
    const [b] = await chain(['B']);
    if (!a || !b) throw new Error('units were not created');
    const [first, second] = [await api(), await api()];

    // Hold both units' rows so that, without the lock on the organization, each move would read
    // the tree before the other wrote it; the lock makes the second move wait and read it after.
    const outcomes = await database.db.transaction(async (blocker) => {
      await blocker
        .select({ id: organizations.id })
        .from(organizations)
        .where(inArray(organizations.id, [a, b]))
        .for('update');
      const settled = Promise.allSettled([
        first.units.move({ unitId: a, parentId: b }),
        second.units.move({ unitId: b, parentId: a }),
      ]);
      await lockWaiters(database.db, 2);
      return { settled };
    });
    const results = await outcomes.settled;

    expect(results.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const [refusal] = results.flatMap((outcome) =>
      outcome.status === 'rejected' ? [outcome.reason as TRPCError] : [],
    );
    const tree = await first.units.tree();
    const parentOf = (id: string) => tree.units.find((unit) => unit.id === id)?.parentId;
    if (parentOf(a) === b) {
      expect(parentOf(b)).toBe(organization.id);
      expect(refusal?.message).toBe(
        '“B” cannot be moved under “A”, because “A” is below “B”. Choose a unit outside its branch.',
      );
    } else {
      expect(parentOf(a)).toBe(organization.id);
      expect(parentOf(b)).toBe(a);
      expect(refusal?.message).toBe(
        '“A” cannot be moved under “B”, because “B” is below “A”. Choose a unit outside its branch.',
      );
    }
    expect(refusal?.code).toBe('BAD_REQUEST');
  });
});
