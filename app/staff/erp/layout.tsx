import { forbidden } from 'next/navigation';
import type { ReactNode } from 'react';
import { getMe } from '@/components/shell/me';
import { SectionTabs } from '@/components/shell/section-tabs';

const TABS = [
  { href: '/staff/erp', label: 'Import' },
  { href: '/staff/erp/contacts', label: 'Contacts' },
  { href: '/staff/erp/excluded', label: 'Excluded customers' },
  { href: '/staff/erp/keys', label: 'Feed keys' },
];

/** The ERP pages are for staff who may import; the procedures check it again on every call. */
export default async function ErpLayout({ children }: { children: ReactNode }) {
  const me = await getMe();
  if (!me?.membership?.permissions.includes('staff.erp.import')) forbidden();
  return (
    <>
      <SectionTabs label="ERP customers" tabs={TABS} />
      {children}
    </>
  );
}
