import { forbidden } from 'next/navigation';
import { AddressBook } from '@/components/admin/addresses/address-book';
import { countryOptions } from '@/components/ui/countries';
import { getMe } from '@/components/shell/me';
import { serverCaller } from '@/server/trpc/server';

export const metadata = { title: 'Ship-to addresses' };

export default async function AddressesPage() {
  const me = await getMe();
  if (!me?.membership?.permissions.includes('org.units.manage')) forbidden();
  const addresses = await (await serverCaller()).addresses.list();
  return (
    <>
      <h1>Ship-to addresses</h1>
      <p className="lede">
        Where orders of {me.membership.organization.name} can be delivered. Checkout offers the active ones, the default
        first; orders already placed keep the address they were placed with.
      </p>
      <AddressBook addresses={addresses} countries={countryOptions()} />
    </>
  );
}
