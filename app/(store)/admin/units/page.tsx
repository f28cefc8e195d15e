import { forbidden } from 'next/navigation';
import { UnitTreeEditor } from '@/components/admin/units/unit-tree-editor';
import { getMe } from '@/components/shell/me';
import { serverCaller } from '@/server/trpc/server';

export const metadata = { title: 'Departments and branches' };

export default async function UnitsPage() {
  const me = await getMe();
  if (!me?.membership?.permissions.includes('org.units.manage')) forbidden();
  const tree = await (await serverCaller()).units.tree();
  return (
    <>
      <h1>Departments and branches</h1>
      <p className="lede">
        Every member of {me.membership.organization.name} belongs to one unit. Units nest up to {tree.maxDepth} levels
        deep, counting the organization itself as level 1. A unit moves with the units below it.
      </p>
      <section className="card" aria-label="Organization tree">
        <UnitTreeEditor tree={tree} />
      </section>
    </>
  );
}
