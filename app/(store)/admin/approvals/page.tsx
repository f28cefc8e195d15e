import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { RulesTable } from '@/components/admin/approvals/rules-table';
import { TryIt } from '@/components/admin/approvals/try-it';
import { limitTiersInWords } from '@/components/admin/approvals/words';
import { getMe } from '@/components/shell/me';
import { Alert } from '@/components/ui/alert';
import { DataTable } from '@/components/ui/data-table';
import { Pager } from '@/components/ui/pager';
import { FilterSelect, SearchField, SearchForm } from '@/components/ui/search-form';
import { limitedMembersSchema, ruleListSchema, RULE_STATUSES } from '@/server/schemas/approvals-admin';
import { serverCaller } from '@/server/trpc/server';
import { firstParam, listInputFrom, pageParam, type SearchParams } from '@/server/schemas/list-params';
import { BackLink } from '@/components/ui/back-link';

export const metadata = { title: 'Spending limits and approval rules' };

type Props = { searchParams: Promise<SearchParams> };

export default async function ApprovalsPage({ searchParams }: Props) {
  const me = await getMe();
  if (!me?.membership?.permissions.includes('org.approvals.manage')) forbidden();
  const params = await searchParams;
  // Unknown or malformed filters are dropped rather than answered with an error page.
  const { input: rulesInput } = listInputFrom(ruleListSchema, {
    search: firstParam(params.q),
    status: firstParam(params.status),
    page: pageParam(params.page),
  });
  const { input: limitsInput } = listInputFrom(limitedMembersSchema, {
    search: firstParam(params.lq),
    page: pageParam(params.lpage),
  });
  const api = await serverCaller();
  const [rules, options, limited] = await Promise.all([
    api.approvalRules.list(rulesInput),
    api.approvalRules.options(),
    api.spendingLimits.members(limitsInput),
  ]);
  const saved = firstParam(params.saved);

  const href = (changes: Record<string, string | number | undefined>) => {
    const query = new URLSearchParams();
    const all = {
      q: rulesInput.search,
      status: rulesInput.status,
      page: rulesInput.page,
      lq: limitsInput.search,
      lpage: limitsInput.page,
      ...changes,
    };
    for (const [key, value] of Object.entries(all))
      if (value !== undefined && value !== '' && !(String(key).endsWith('page') && value === 1))
        query.set(key, String(value));
    const text = query.toString();
    return `/admin/approvals${text ? `?${text}` : ''}`;
  };

  return (
    <>
      <BackLink href="/admin">Administration</BackLink>
      <h1>Spending limits and approval rules</h1>
      <p className="lede">
        An order needs approval when it goes over one of the requester’s spending limits or meets an approval rule. The
        checkout tells the requester who will decide before they submit.
      </p>
      {saved && <Alert tone="success">Saved “{saved}”.</Alert>}

      <section className="card" aria-labelledby="rules">
        <h2 id="rules">Approval rules</h2>
        <p>
          Rules apply to the whole organization, or to some roles or units. All of a rule’s conditions must hold for it
          to apply.
        </p>
        <p>
          <Link href="/admin/approvals/rules/new" className="button button-primary">
            New rule
          </Link>
        </p>
        <SearchForm label="Find rules" action="/admin/approvals" submitLabel="Filter">
          <SearchField
            id="rules-q"
            name="q"
            type="search"
            label="Rule name"
            defaultValue={rulesInput.search}
            maxLength={100}
          />
          <FilterSelect
            id="rules-status"
            name="status"
            label="Status"
            defaultValue={rulesInput.status}
            anyLabel="Active and inactive"
            options={RULE_STATUSES.map((status) => ({
              value: status,
              label: status === 'active' ? 'Active' : 'Inactive',
            }))}
          />
          {limitsInput.search && <input type="hidden" name="lq" value={limitsInput.search} />}
        </SearchForm>
        <RulesTable
          rules={rules.rows}
          currency={rules.currency}
          filtered={Boolean(rulesInput.search || rulesInput.status || rulesInput.page > 1)}
        />
        <Pager page={rules.page} hasNext={rules.hasNext} href={(page) => href({ page })} />
      </section>

      <section className="card" aria-labelledby="try-it">
        <h2 id="try-it">Try it</h2>
        <p>
          See what the checkout would say for an order like this one, with the limits and active rules as they are now.
        </p>
        <TryIt requesters={options.requesters} currency={options.currency} />
      </section>

      <section className="card" aria-labelledby="limits">
        <h2 id="limits">Spending limits</h2>
        <p>
          Sub-accounts with a limited budget (set on their account under{' '}
          <Link href="/admin/members?flag=hasLimitedBudget">Users and sub-accounts</Link>) need approval above their
          limits.
        </p>
        <SearchForm label="Find sub-accounts" action="/admin/approvals" submitLabel="Find">
          <SearchField
            id="limits-q"
            name="lq"
            type="search"
            label="Name or email"
            defaultValue={limitsInput.search}
            maxLength={200}
          />
          {rulesInput.search && <input type="hidden" name="q" value={rulesInput.search} />}
          {rulesInput.status && <input type="hidden" name="status" value={rulesInput.status} />}
        </SearchForm>
        <DataTable
          caption="Sub-accounts with a limited budget"
          rows={limited.rows}
          rowKey={(row) => row.membershipId}
          empty={limitsInput.search ? 'Nobody with a limited budget matches.' : 'Nobody has a limited budget yet.'}
          columns={[
            {
              header: 'Sub-account',
              cell: (row) => (
                <div>
                  <Link href={`/admin/approvals/limits/${row.membershipId}`}>{row.name}</Link>{' '}
                  {!row.active && <span className="badge">not active</span>}
                  <p className="field-hint">
                    {row.email} · {row.unitName}
                  </p>
                </div>
              ),
            },
            { header: 'Limits', cell: (row) => limitTiersInWords(row.entries, limited.currency) },
          ]}
        />
        <Pager page={limited.page} hasNext={limited.hasNext} href={(page) => href({ lpage: page })} />
      </section>
    </>
  );
}
