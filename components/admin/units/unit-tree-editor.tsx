'use client';

import { useId, useMemo } from 'react';
import type { RouterOutputs } from '@/components/trpc/types';
import { moveTargets, unitPath } from '@/server/domain/organizations/unit-tree';
import { Heading } from './heading';
import { AddUnitForm, MoveUnitForm, RenameUnitForm, UnitStatusAction } from './unit-forms';
import styles from './units.module.css';

type Tree = RouterOutputs['units']['tree'];
type UnitNode = Tree['units'][number];

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/**
 * The organization as a nested list: each unit with its members and a badge when deactivated,
 * and its actions folded away in a <details> so that a phone shows the tree first.
 */
export function UnitTreeEditor({ tree }: { tree: Tree }) {
  const childrenOf = useMemo(() => {
    const map = new Map<string, UnitNode[]>();
    for (const unit of tree.units) {
      if (unit.parentId !== null) map.set(unit.parentId, [...(map.get(unit.parentId) ?? []), unit]);
    }
    return map;
  }, [tree.units]);
  const root = tree.units.find((unit) => unit.id === tree.organizationId);
  if (!root) return null;
  return (
    <ul className={styles.tree}>
      <UnitItem unit={root} tree={tree} childrenOf={childrenOf} />
    </ul>
  );
}

function UnitItem({ unit, tree, childrenOf }: { unit: UnitNode; tree: Tree; childrenOf: Map<string, UnitNode[]> }) {
  const headingId = useId();
  const children = childrenOf.get(unit.id) ?? [];
  const active = unit.status === 'active';
  const isRoot = unit.parentId === null;
  return (
    <li className={`${styles.unit} ${active ? '' : styles.deactivated}`} aria-labelledby={headingId}>
      <div className={styles.row}>
        <Heading level={unit.depth + 1} id={headingId} className={styles.name}>
          {unit.name}
        </Heading>
        <span className="badge">{plural(unit.members, 'member', 'members')}</span>
        {children.length > 0 && <span className="badge">{unit.totalMembers} including the units below</span>}
        {!active && <span className="badge badge-bad">deactivated</span>}
      </div>
      {isRoot ? (
        <div className={styles.add}>
          <AddUnitForm parent={unit} title="Add a department or branch" level={unit.depth + 2} />
        </div>
      ) : (
        <UnitActions unit={unit} tree={tree} />
      )}
      {children.length > 0 && (
        <ul>
          {children.map((child) => (
            <UnitItem key={child.id} unit={child} tree={tree} childrenOf={childrenOf} />
          ))}
        </ul>
      )}
    </li>
  );
}

function UnitActions({ unit, tree }: { unit: UnitNode; tree: Tree }) {
  const active = unit.status === 'active';
  const level = unit.depth + 2;
  const targets = moveTargets(tree.units, unit.id).map((target) => ({
    id: target.id,
    label: unitPath(tree.units, target.id)
      .map((step) => step.name)
      .join(' › '),
  }));
  const addBlocked = !active
    ? `“${unit.name}” is deactivated; reactivate it to add units below it.`
    : unit.depth >= tree.maxDepth
      ? `“${unit.name}” is at level ${unit.depth}, the deepest allowed, so no units can be added below it.`
      : null;
  return (
    <details className={styles.actions}>
      <summary>Change “{unit.name}”</summary>
      <div className={styles.panel}>
        <RenameUnitForm unit={unit} level={level} />
        {addBlocked ? (
          <div>
            <Heading level={level}>Add a unit below</Heading>
            <p className="field-hint">{addBlocked}</p>
          </div>
        ) : (
          <AddUnitForm parent={unit} title="Add a unit below" level={level} />
        )}
        <MoveUnitForm unit={unit} targets={targets} level={level} />
        <UnitStatusAction key={unit.status} unit={unit} active={active} level={level} />
      </div>
    </details>
  );
}
