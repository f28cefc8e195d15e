import { CreateKeyForm } from '@/components/erp/keys/create-key-form';
import { RevokeKeyButton } from '@/components/erp/keys/revoke-key-button';
import { DataTable } from '@/components/ui/data-table';
import { LocalTime } from '@/components/ui/local-time';
import { Pager } from '@/components/ui/pager';
import { FilterSelect, SearchField, SearchForm } from '@/components/ui/search-form';
import { erpKeysListSchema } from '@/server/schemas/erp-keys';
import { serverCaller } from '@/server/trpc/server';
import { firstParam, listInputFrom, pageParam, type SearchParams } from '@/server/schemas/list-params';

export const metadata = { title: 'ERP feed keys' };

type Props = { searchParams: Promise<SearchParams> };

export default async function ErpKeysPage({ searchParams }: Props) {
  const params = await searchParams;
  // Unknown or malformed filters are dropped rather than answered with an error page.
  const { input } = listInputFrom(erpKeysListSchema, {
    search: firstParam(params.q),
    status: firstParam(params.status),
    page: pageParam(params.page),
  });
  const keys = await (await serverCaller()).erpKeys.list(input);
  const query = Object.fromEntries(
    Object.entries({ q: input.search, status: input.status }).filter(([, value]) => value),
  ) as Record<string, string>;
  const href = (page: number) => `/staff/erp/keys?${new URLSearchParams({ ...query, page: String(page) })}`;
  type Key = (typeof keys.rows)[number];
  return (
    <>
      <h1>ERP feed keys</h1>
      <p className="lede">
        The seller’s ERP reads approved orders and their later changes from <code>GET /api/erp/orders</code> with one of
        these keys in the header <code>Authorization: Bearer &lt;key&gt;</code>. Give each system its own key, and
        revoke a key as soon as it is no longer used or may have leaked.
      </p>
      <CreateKeyForm />
      <section aria-labelledby="keys-heading">
        <h2 id="keys-heading">Keys</h2>
        <SearchForm label="Find keys" action="/staff/erp/keys" submitLabel="Filter">
          <SearchField
            id="erp-keys-q"
            name="q"
            type="search"
            label="Name or prefix"
            defaultValue={input.search}
            maxLength={100}
          />
          <FilterSelect
            id="erp-keys-status"
            name="status"
            label="State"
            defaultValue={input.status}
            anyLabel="Active and revoked"
            options={[
              { value: 'active', label: 'Active' },
              { value: 'revoked', label: 'Revoked' },
            ]}
          />
        </SearchForm>
        <p>
          {keys.total} {keys.total === 1 ? 'key' : 'keys'} found.
        </p>
        <DataTable<Key>
          caption="ERP feed keys"
          rowKey={(key) => key.id}
          rows={keys.rows}
          empty={input.search || input.status ? 'No key matches.' : 'No keys yet: create one above for the ERP.'}
          columns={[
            { header: 'Name', cell: (key) => <span style={{ overflowWrap: 'anywhere' }}>{key.name}</span> },
            { header: 'Prefix', cell: (key) => <code>{key.prefix}…</code> },
            {
              header: 'Created',
              cell: (key) => (
                <span>
                  <LocalTime at={key.createdAt} />
                  {key.createdBy && (
                    <>
                      <br />
                      <small>by {key.createdBy}</small>
                    </>
                  )}
                </span>
              ),
            },
            { header: 'Last used', cell: (key) => <LocalTime at={key.lastUsedAt} empty="Never" /> },
            {
              header: 'State',
              cell: (key) =>
                key.revokedAt ? (
                  <span className="badge badge-bad">
                    Revoked <LocalTime at={key.revokedAt} />
                  </span>
                ) : (
                  <span className="badge badge-good">Active</span>
                ),
            },
            {
              header: 'Action',
              cell: (key) => (key.revokedAt ? null : <RevokeKeyButton keyId={key.id} name={key.name} />),
            },
          ]}
        />
        <Pager page={input.page} hasNext={keys.hasNext} href={href} />
      </section>
    </>
  );
}
