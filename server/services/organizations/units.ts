import { eq } from 'drizzle-orm';
import type { Database, Executor, Transaction } from '@/db/client';
import { tenantUnits, unitMemberCounts } from '@/db/queries/units';
import { organizations } from '@/db/schema';
import type { Actor } from '@/server/domain/access/actor';
import { DomainError, notFound } from '@/server/domain/errors';
import {
  checkCreate,
  checkDeactivate,
  checkMove,
  checkReactivate,
  checkRename,
  MAX_UNIT_DEPTH,
  normalizeUnitName,
  subtreeIds,
  unitDepth,
  type TreeUnit,
  type TreeVerdict,
} from '@/server/domain/organizations/unit-tree';
import type { CreateUnitInput, MoveUnitInput, RenameUnitInput, UnitIdInput } from '@/server/schemas/units';
import { recordAudit } from '../audit/record-audit';
import { lockTenant } from './tenant-lock';

export type UnitNode = TreeUnit & { depth: number; members: number; totalMembers: number };

const byName = (a: TreeUnit, b: TreeUnit) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' });

/**
 * The caller's organization as a tree: every unit with its level, its members, and its members
 * together with those of the units below it. The organization itself is the node without a parent.
 */
export async function unitTree(
  db: Executor,
  actor: Actor,
): Promise<{ organizationId: string; maxDepth: number; units: UnitNode[] }> {
  const { organizationId } = actor;
  const units = (await tenantUnits(db, organizationId)).sort(byName);
  if (!units.some((unit) => unit.id === organizationId)) throw notFound('The organization');
  const direct = new Map((await unitMemberCounts(db, organizationId)).map((row) => [row.unitId, row.members]));
  const nodes = units.map((unit) => ({
    ...unit,
    depth: unitDepth(units, unit.id),
    members: direct.get(unit.id) ?? 0,
    totalMembers: subtreeIds(units, unit.id).reduce((sum, id) => sum + (direct.get(id) ?? 0), 0),
  }));
  return { organizationId, maxDepth: MAX_UNIT_DEPTH, units: nodes };
}

/** Adds a unit directly below the organization or one of its active units. */
export async function createUnit(
  db: Database,
  actor: Actor,
  input: CreateUnitInput,
  now: Date,
): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const { root, units } = await lockedTree(tx, actor.organizationId);
    const parent = unitOf(units, input.parentId);
    assertAllowed(checkCreate(units, input));
    const name = normalizeUnitName(input.name);
    const [created] = await tx
      .insert(organizations)
      .values({
        rootId: root.id,
        parentId: parent.id,
        kind: root.kind,
        name,
        status: 'active',
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: organizations.id });
    if (!created) throw new Error('could not create the unit');
    await audit(tx, actor, 'unit.created', created.id, { name, parentName: parent.name }, now);
    return created;
  });
}

/** Renames a unit; its name must differ from its siblings' (ignoring case). */
export async function renameUnit(db: Database, actor: Actor, input: RenameUnitInput, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const { units } = await lockedTree(tx, actor.organizationId);
    const unit = unitOf(units, input.unitId);
    assertAllowed(checkRename(units, input));
    const name = normalizeUnitName(input.name);
    if (name === unit.name) return;
    await tx.update(organizations).set({ name, updatedAt: now }).where(eq(organizations.id, unit.id));
    await audit(tx, actor, 'unit.renamed', unit.id, { name, previousName: unit.name }, now);
  });
}

/** Moves a unit, with every unit below it, directly below another unit of the organization. */
export async function moveUnit(db: Database, actor: Actor, input: MoveUnitInput, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const { units } = await lockedTree(tx, actor.organizationId);
    const unit = unitOf(units, input.unitId);
    const parent = unitOf(units, input.parentId);
    assertAllowed(checkMove(units, input));
    const previousParent =
      unit.parentId === null ? undefined : units.find((candidate) => candidate.id === unit.parentId);
    await tx.update(organizations).set({ parentId: parent.id, updatedAt: now }).where(eq(organizations.id, unit.id));
    await audit(
      tx,
      actor,
      'unit.moved',
      unit.id,
      { name: unit.name, fromParentName: previousParent?.name ?? null, toParentName: parent.name },
      now,
    );
  });
}

/** Deactivates a unit that no activated member belongs to and that has no active units below it. */
export async function deactivateUnit(db: Database, actor: Actor, input: UnitIdInput, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const { units } = await lockedTree(tx, actor.organizationId);
    const unit = unitOf(units, input.unitId);
    const activatedMembers = new Map(
      (await unitMemberCounts(tx, actor.organizationId)).map((row) => [row.unitId, row.activated]),
    );
    assertAllowed(checkDeactivate(units, { unitId: unit.id, activatedMembers }));
    await tx.update(organizations).set({ status: 'suspended', updatedAt: now }).where(eq(organizations.id, unit.id));
    await audit(tx, actor, 'unit.deactivated', unit.id, { name: unit.name }, now);
  });
}

/** Makes a deactivated unit active again, unless the unit above it is deactivated. */
export async function reactivateUnit(db: Database, actor: Actor, input: UnitIdInput, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const { units } = await lockedTree(tx, actor.organizationId);
    const unit = unitOf(units, input.unitId);
    assertAllowed(checkReactivate(units, { unitId: unit.id }));
    await tx.update(organizations).set({ status: 'active', updatedAt: now }).where(eq(organizations.id, unit.id));
    await audit(tx, actor, 'unit.reactivated', unit.id, { name: unit.name }, now);
  });
}

/**
 * Locks the organization's own row, then reads its tree: tree edits of one organization run one
 * at a time, so each decides on the tree as the previous edit left it (two crossing moves cannot
 * both pass and form a cycle).
 */
async function lockedTree(tx: Transaction, organizationId: string) {
  const root = await lockTenant(tx, organizationId);
  return { root, units: await tenantUnits(tx, organizationId) };
}

/** A unit of this organization; another organization's unit is simply not found. */
function unitOf(units: readonly TreeUnit[], id: string): TreeUnit {
  const unit = units.find((candidate) => candidate.id === id);
  if (!unit) throw notFound('That unit');
  return unit;
}

/** A refusal about a field goes beside it in the form; any other is a message for the whole action. */
function assertAllowed(verdict: TreeVerdict): asserts verdict is { ok: true } {
  if (verdict.ok) return;
  if (verdict.field) throw new DomainError('invalid', verdict.message, { [verdict.field]: [verdict.message] });
  throw new DomainError('precondition_failed', verdict.message);
}

function audit(
  tx: Transaction,
  actor: Actor,
  action: string,
  unitId: string,
  data: Record<string, unknown>,
  now: Date,
) {
  return recordAudit(tx, {
    organizationId: actor.organizationId,
    actorUserId: actor.userId,
    action,
    targetType: 'unit',
    targetId: unitId,
    data,
    now,
  });
}
