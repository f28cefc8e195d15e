import { forbidden } from 'next/navigation';
import type { ReactNode } from 'react';
import { getMe } from '@/components/shell/me';
import { SectionTabs } from '@/components/shell/section-tabs';

const TABS = [
  { href: '/staff/catalog', label: 'Products' },
  { href: '/staff/catalog/new', label: 'New product' },
  { href: '/staff/catalog/import', label: 'Import CSV' },
];

/** The catalog pages are for staff who manage it; the procedures check it again on every call. */
export default async function StaffCatalogLayout({ children }: { children: ReactNode }) {
  const me = await getMe();
  if (!me?.membership?.permissions.includes('staff.catalog.manage')) forbidden();
  return (
    <>
      <SectionTabs label="Catalog" tabs={TABS} />
      {children}
    </>
  );
}
