import { getMe } from '@/components/shell/me';
import { STAFF_NAV, visibleNav } from '@/components/shell/navigation';
import { SectionLinks } from '@/components/shell/section-links';

export const metadata = { title: 'Staff dashboard' };

export default async function StaffHome() {
  const me = await getMe();
  const membership = me?.membership;
  if (!me || !membership) return null;
  const sections = visibleNav(STAFF_NAV, membership.permissions).filter((item) => item.href !== '/staff');
  return (
    <>
      <h1>Staff dashboard</h1>
      <p className="lede">
        Signed in as {me.user.name}, {membership.roleNames.join(', ') || 'no role'} at {membership.organization.name}.
      </p>
      <SectionLinks sections={sections} />
    </>
  );
}
