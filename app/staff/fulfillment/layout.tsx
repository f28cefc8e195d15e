import { forbidden } from 'next/navigation';
import type { ReactNode } from 'react';
import { getMe } from '@/components/shell/me';

/** Fulfillment pages are for staff who work it; every procedure checks it again. */
export default async function FulfillmentLayout({ children }: { children: ReactNode }) {
  const me = await getMe();
  if (!me?.membership?.permissions.includes('staff.fulfillment.work')) forbidden();
  return children;
}
