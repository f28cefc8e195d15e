import { forbidden } from 'next/navigation';
import { AdminSections } from '@/components/admin/admin-sections';
import { ADMIN_SECTIONS, visibleNav } from '@/components/shell/navigation';
import { getMe } from '@/components/shell/me';
import { orRefusalPage } from '@/components/shell/refusal';
import { SecondFactorPolicyForm } from '@/components/second-factor/policy-form';
import { serverCaller } from '@/server/trpc/server';

export const metadata = { title: 'Administration' };

export default async function AdminPage() {
  const me = await getMe();
  const permissions = me?.membership?.permissions ?? [];
  const sections = visibleNav(ADMIN_SECTIONS, permissions);
  if (sections.length === 0) forbidden();
  const api = await serverCaller();
  const counts = await orRefusalPage(api.organization.administrationCounts());
  const secondFactor = permissions.includes('org.users.manage')
    ? await orRefusalPage(api.secondFactor.organizationPolicy())
    : null;
  return (
    <>
      <h1>Administration</h1>
      <AdminSections sections={sections} counts={counts} />
      {secondFactor && <SecondFactorPolicyForm kind="organization" initial={secondFactor} />}
    </>
  );
}
