import { ContactAccountCell } from '@/components/erp/contact-account-cell';
import { Pager } from '@/components/ui/pager';
import { SearchField, SearchForm } from '@/components/ui/search-form';
import { serverCaller } from '@/server/trpc/server';

export const metadata = { title: 'ERP contacts' };

type Props = { searchParams: Promise<{ q?: string; page?: string }> };

export default async function ErpContactsPage({ searchParams }: Props) {
  const params = await searchParams;
  const search = params.q?.trim().slice(0, 200) || undefined;
  const page = Math.min(Math.max(1, Number(params.page) || 1), 10_000);
  const contacts = await (await serverCaller()).erp.contacts({ search, page, pageSize: 25 });
  const href = (p: number) =>
    `/staff/erp/contacts?${new URLSearchParams({ ...(search ? { q: search } : {}), page: String(p) })}`;
  return (
    <>
      <h1>ERP contacts</h1>
      <p className="lede">
        The contacts of the last import, {contacts.total} {search ? 'found' : 'in all'}. Create an account for a
        contact: they get an email to choose their password.
      </p>
      <SearchForm submitLabel="Search">
        <SearchField
          id="q"
          name="q"
          type="search"
          label="Search by email, name or customer"
          defaultValue={search}
          maxLength={200}
        />
      </SearchForm>
      <div className="table-wrap">
        <table className="stack">
          <thead>
            <tr>
              <th scope="col">Contact</th>
              <th scope="col">Customer</th>
              <th scope="col">Account</th>
            </tr>
          </thead>
          <tbody>
            {contacts.rows.length === 0 && (
              <tr>
                <td colSpan={3}>
                  {search ? 'No contact matches your search.' : 'No contacts yet: import the ERP files first.'}
                </td>
              </tr>
            )}
            {contacts.rows.map((contact) => (
              <tr key={contact.id}>
                <td data-label="Contact">
                  <span style={{ overflowWrap: 'anywhere' }}>
                    {contact.name}
                    <br />
                    <small>{contact.email}</small>
                  </span>
                </td>
                <td data-label="Customer">
                  {contact.customerCode} · {contact.customerName}
                </td>
                <td data-label="Account">
                  <ContactAccountCell
                    contactId={contact.id}
                    status={contact.status}
                    label={`${contact.name} (${contact.email}, ${contact.customerCode})`}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager page={page} hasNext={contacts.hasNext} href={href} />
    </>
  );
}
