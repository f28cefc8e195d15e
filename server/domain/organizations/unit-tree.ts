import type { OrganizationStatus } from './status';

/**
 * The organization tree: the buyer organization (the tenant) with its departments and branches.
 *
 * "Up to 5 levels deep" is read as counting the organization itself: it is level 1, its direct
 * units are level 2, and units can sit at levels 2 to 5. So below the organization there are at
 * most four levels of departments and branches.
 */
export const MAX_UNIT_DEPTH = 5;
export const UNIT_NAME_MAX_LENGTH = 100;

/** One node as the rules need it; the organization itself is the node without a parent. */
export type TreeUnit = { id: string; parentId: string | null; name: string; status: OrganizationStatus };

export type UnitField = 'name' | 'parentId';
export type TreeVerdict = { ok: true } | { ok: false; message: string; field?: UnitField };

const OK: TreeVerdict = { ok: true };
const refuse = (message: string, field?: UnitField): TreeVerdict =>
  field ? { ok: false, message, field } : { ok: false, message };

const LEVELS_RULE = `the tree has at most ${MAX_UNIT_DEPTH} levels, counting the organization itself as level 1`;
const quoted = (unit: TreeUnit) => `“${unit.name}”`;
const isActive = (unit: TreeUnit) => unit.status === 'active';

type TreeIndex = { byId: Map<string, TreeUnit>; children: Map<string, TreeUnit[]>; depths: Map<string, number> };

// Trees are read many times per decision (every move target of every unit on the admin page), so
// each array gets one index. Callers hand in a tree and do not change that array afterwards.
const indexes = new WeakMap<readonly TreeUnit[], TreeIndex>();

function indexOf(units: readonly TreeUnit[]): TreeIndex {
  let index = indexes.get(units);
  if (!index) {
    index = { byId: new Map(units.map((unit) => [unit.id, unit])), children: new Map(), depths: new Map() };
    for (const unit of units) {
      if (unit.parentId === null) continue;
      const siblings = index.children.get(unit.parentId);
      if (siblings) siblings.push(unit);
      else index.children.set(unit.parentId, [unit]);
    }
    indexes.set(units, index);
  }
  return index;
}

function find(units: readonly TreeUnit[], id: string): TreeUnit {
  const unit = indexOf(units).byId.get(id);
  if (!unit) throw new Error(`unit-tree: no unit ${id} in this tree`);
  return unit;
}

function childrenOf(units: readonly TreeUnit[], id: string): readonly TreeUnit[] {
  return indexOf(units).children.get(id) ?? [];
}

/** The unit and its ancestors, from the organization down to the unit. */
export function unitPath(units: readonly TreeUnit[], id: string): TreeUnit[] {
  const path: TreeUnit[] = [];
  for (
    let unit: TreeUnit | undefined = find(units, id);
    unit;
    unit = unit.parentId === null ? undefined : find(units, unit.parentId)
  ) {
    if (path.includes(unit)) throw new Error(`unit-tree: the tree has a cycle at ${unit.id}`);
    path.unshift(unit);
  }
  return path;
}

/** The level of a unit: the organization is 1, its direct units 2, and so on. */
export function unitDepth(units: readonly TreeUnit[], id: string): number {
  const { depths } = indexOf(units);
  let depth = depths.get(id);
  if (depth === undefined) {
    depth = unitPath(units, id).length;
    depths.set(id, depth);
  }
  return depth;
}

/** The unit and every unit below it, the unit first. */
export function subtreeIds(units: readonly TreeUnit[], id: string): string[] {
  const ids = new Set([find(units, id).id]);
  for (const current of ids) {
    for (const child of childrenOf(units, current)) ids.add(child.id);
  }
  return [...ids];
}

/** How many levels the unit's branch spans, the unit itself included (1 for a unit with nothing below). */
export function subtreeHeight(units: readonly TreeUnit[], id: string): number {
  const depths = subtreeIds(units, id).map((member) => unitDepth(units, member));
  return Math.max(...depths) - unitDepth(units, id) + 1;
}

/** The name as stored: trimmed, runs of spaces made one. */
export function normalizeUnitName(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

const sameName = (a: string, b: string) => normalizeUnitName(a).toLowerCase() === normalizeUnitName(b).toLowerCase();

function nameProblem(name: string): string | null {
  const normalized = normalizeUnitName(name);
  if (normalized.length === 0) return 'Enter a name for the unit.';
  if (normalized.length > UNIT_NAME_MAX_LENGTH) return `Use at most ${UNIT_NAME_MAX_LENGTH} characters.`;
  return null;
}

/** Names must differ among the units under one parent, ignoring upper and lower case. */
function siblingClash(units: readonly TreeUnit[], parent: TreeUnit, name: string, exceptId?: string): string | null {
  const clash = childrenOf(units, parent.id).find((sibling) => sibling.id !== exceptId && sameName(sibling.name, name));
  if (!clash) return null;
  return `There is already a unit named ${quoted(clash)} directly under ${quoted(parent)}. Units under the same parent need different names (upper and lower case count as the same).`;
}

/** May a unit named `name` be added directly below `parentId`? */
export function checkCreate(units: readonly TreeUnit[], input: { parentId: string; name: string }): TreeVerdict {
  const parent = find(units, input.parentId);
  const problem = nameProblem(input.name);
  if (problem) return refuse(problem, 'name');
  if (!isActive(parent)) return refuse(`${quoted(parent)} is deactivated. Reactivate it before adding units below it.`);
  const depth = unitDepth(units, parent.id);
  if (depth >= MAX_UNIT_DEPTH) {
    return refuse(
      `${quoted(parent)} is at level ${depth}, the deepest allowed: ${LEVELS_RULE}. Add the unit higher up instead.`,
    );
  }
  const clash = siblingClash(units, parent, input.name);
  return clash ? refuse(clash, 'name') : OK;
}

/** May the unit be renamed to `name`? The organization itself keeps the name it registered with. */
export function checkRename(units: readonly TreeUnit[], input: { unitId: string; name: string }): TreeVerdict {
  const unit = find(units, input.unitId);
  if (unit.parentId === null) {
    return refuse(
      `${quoted(unit)} is the organization itself; its name is the one registered with the seller. Ask your account representative to change it.`,
    );
  }
  const problem = nameProblem(input.name);
  if (problem) return refuse(problem, 'name');
  const clash = siblingClash(units, find(units, unit.parentId), input.name, unit.id);
  return clash ? refuse(clash, 'name') : OK;
}

/**
 * May the unit, with everything below it, move directly below `parentId`? Refused for the
 * organization itself, under itself or a unit of its own branch (that would make a cycle), and
 * when the deepest unit of the branch would end up below level 5.
 */
export function checkMove(units: readonly TreeUnit[], input: { unitId: string; parentId: string }): TreeVerdict {
  const unit = find(units, input.unitId);
  const parent = find(units, input.parentId);
  if (unit.parentId === null)
    return refuse(`${quoted(unit)} is the organization itself, the top of the tree; it cannot be moved.`);
  if (parent.id === unit.id) return refuse(`${quoted(unit)} cannot be moved under itself.`, 'parentId');
  if (subtreeIds(units, unit.id).includes(parent.id)) {
    return refuse(
      `${quoted(unit)} cannot be moved under ${quoted(parent)}, because ${quoted(parent)} is below ${quoted(unit)}. Choose a unit outside its branch.`,
      'parentId',
    );
  }
  if (unit.parentId === parent.id)
    return refuse(`${quoted(unit)} is already directly under ${quoted(parent)}.`, 'parentId');
  if (isActive(unit) && !isActive(parent)) {
    return refuse(
      `${quoted(parent)} is deactivated; an active unit cannot be moved below it. Reactivate it first or choose another unit.`,
      'parentId',
    );
  }
  const parentDepth = unitDepth(units, parent.id);
  const height = subtreeHeight(units, unit.id);
  if (parentDepth + height > MAX_UNIT_DEPTH) {
    const branch = height === 1 ? '' : ` with the ${height - 1} ${height === 2 ? 'level' : 'levels'} below it`;
    return refuse(
      `${quoted(unit)}${branch} cannot go under ${quoted(parent)} (level ${parentDepth}): its units would reach level ${parentDepth + height}, but ${LEVELS_RULE}.`,
      'parentId',
    );
  }
  const clash = siblingClash(units, parent, unit.name, unit.id);
  return clash ? refuse(clash, 'parentId') : OK;
}

/** Every unit the unit could be moved under, in tree order: exactly those checkMove accepts. */
export function moveTargets(units: readonly TreeUnit[], unitId: string): TreeUnit[] {
  return units.filter((candidate) => checkMove(units, { unitId, parentId: candidate.id }).ok);
}

/**
 * May the unit be deactivated? Not while anyone activated belongs to it or to a unit below it, nor
 * while units below it are still active. `activatedMembers` counts them per unit id.
 */
export function checkDeactivate(
  units: readonly TreeUnit[],
  input: { unitId: string; activatedMembers: ReadonlyMap<string, number> },
): TreeVerdict {
  const unit = find(units, input.unitId);
  if (unit.parentId === null)
    return refuse(`${quoted(unit)} is the organization itself; it cannot be deactivated here.`);
  if (!isActive(unit)) return refuse(`${quoted(unit)} is already deactivated.`);
  const members = subtreeIds(units, unit.id).reduce((sum, id) => sum + (input.activatedMembers.get(id) ?? 0), 0);
  if (members > 0) {
    const who = members === 1 ? '1 activated member belongs' : `${members} activated members belong`;
    return refuse(
      `${quoted(unit)} cannot be deactivated while ${who} to it or to the units below it. Move them to another unit or deactivate them first.`,
    );
  }
  const activeChildren = childrenOf(units, unit.id).filter(isActive).length;
  if (activeChildren > 0) {
    const which = activeChildren === 1 ? '1 active unit' : `${activeChildren} active units`;
    return refuse(
      `${quoted(unit)} cannot be deactivated while ${which} ${activeChildren === 1 ? 'is' : 'are'} directly below it. Deactivate or move ${activeChildren === 1 ? 'it' : 'them'} first.`,
    );
  }
  return OK;
}

/** May a deactivated unit be made active again? Not below a unit that is itself deactivated. */
export function checkReactivate(units: readonly TreeUnit[], input: { unitId: string }): TreeVerdict {
  const unit = find(units, input.unitId);
  if (unit.parentId === null)
    return refuse(`${quoted(unit)} is the organization itself; it cannot be reactivated here.`);
  if (isActive(unit)) return refuse(`${quoted(unit)} is already active.`);
  const parent = find(units, unit.parentId);
  if (!isActive(parent)) {
    return refuse(
      `${quoted(unit)} cannot be reactivated while ${quoted(parent)}, the unit above it, is deactivated. Reactivate ${quoted(parent)} first.`,
    );
  }
  return OK;
}
