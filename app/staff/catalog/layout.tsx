import { forbidden } from 'next/navigation';
import type { ReactNode } from 'react';
import { CatalogTabs } from '@/components/catalog/catalog-tabs';
import { getMe } from '@/components/shell/me';

/** The catalog pages are for staff who manage it; the procedures check it again on every call. */
export default async function StaffCatalogLayout({ children }: { children: ReactNode }) {
  const me = await getMe();
  if (!me?.membership?.permissions.includes('staff.catalog.manage')) forbidden();
  return (
    <>
      <CatalogTabs />
      {children}
    </>
  );
}
