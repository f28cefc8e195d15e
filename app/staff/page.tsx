import { getMe } from '@/components/shell/me';
import { STAFF_NAV, visibleNav } from '@/components/shell/navigation';
import { SectionLinks } from '@/components/shell/section-links';
import { QueueCards } from '@/components/staff/queue-cards';
import { serverCaller } from '@/server/trpc/server';

export const metadata = { title: 'Staff dashboard' };

export default async function StaffHome() {
  const me = await getMe();
  const membership = me?.membership;
  if (!me || !membership) return null;
  const sections = visibleNav(STAFF_NAV, membership.permissions).filter((item) => item.href !== '/staff');
  const queues = await (await serverCaller()).staff.queueCounts();
  return (
    <>
      <h1>Staff dashboard</h1>
      <p className="lede">
        Signed in as {me.user.name}, {membership.roleNames.join(', ') || 'no role'} at {membership.organization.name}.
      </p>
      <QueueCards queues={queues} />
      <h2>Sections</h2>
      <SectionLinks sections={sections} />
    </>
  );
}
