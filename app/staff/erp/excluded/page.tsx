import { ExcludedCodesForm } from '@/components/erp/excluded-codes-form';
import { serverCaller } from '@/server/trpc/server';

export const metadata = { title: 'Excluded customers' };

export default async function ExcludedCustomersPage() {
  const excluded = await (await serverCaller()).erp.excludedCodes();
  return (
    <>
      <h1>Excluded customers</h1>
      <p className="lede">
        Contacts of these ERP customers cannot get an account online, and people already linked to them can no longer
        sign in to their accounts.
      </p>
      <ExcludedCodesForm codes={excluded.map((row) => row.code)} />
      {excluded.length > 0 && (
        <section aria-labelledby="excluded-now">
          <h2 id="excluded-now">Excluded now</h2>
          <ul>
            {excluded.map((row) => (
              <li key={row.code}>
                {row.code} · {row.customerName ?? 'not in the last import'}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
