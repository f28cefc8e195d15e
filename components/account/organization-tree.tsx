type Unit = { id: string; name: string; parentId: string | null; members: number };

/** The organization and its departments as a nested list, with member counts. */
export function OrganizationTree({ units, rootId }: { units: Unit[]; rootId: string }) {
  const childrenOf = (id: string) => units.filter((unit) => unit.parentId === id);
  const render = (unit: Unit) => (
    <li key={unit.id}>
      {unit.name}{' '}
      <span className="badge">
        {unit.members} {unit.members === 1 ? 'member' : 'members'}
      </span>
      {childrenOf(unit.id).length > 0 && <ul>{childrenOf(unit.id).map(render)}</ul>}
    </li>
  );
  const root = units.find((unit) => unit.id === rootId);
  return <ul className="tree">{root && render(root)}</ul>;
}
