import { forbidden } from 'next/navigation';
import type { ReactNode } from 'react';
import { ErpTabs } from '@/components/erp/erp-tabs';
import { getMe } from '@/components/shell/me';

/** The ERP pages are for staff who may import; the procedures check it again on every call. */
export default async function ErpLayout({ children }: { children: ReactNode }) {
  const me = await getMe();
  if (!me?.membership?.permissions.includes('staff.erp.import')) forbidden();
  return (
    <>
      <ErpTabs />
      {children}
    </>
  );
}
