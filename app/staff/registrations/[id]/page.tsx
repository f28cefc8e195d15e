import { notFound } from 'next/navigation';
import { orRefusalPage } from '@/components/shell/refusal';
import { AccountForm } from '@/components/staff/registrations/account-form';
import { AssignRepresentative } from '@/components/staff/registrations/assign-representative';
import { Contracts } from '@/components/staff/registrations/contracts';
import { Decision, Suspension } from '@/components/staff/registrations/decision';
import { formatAddressInline } from '@/server/domain/addresses/format-address';
import { LocalTime } from '@/components/ui/local-time';
import { OrganizationStatusBadge } from '@/components/staff/registrations/organization-status-badge';
import { formatMinor } from '@/server/domain/money';
import { PAYMENT_METHOD_LABELS } from '@/server/domain/organizations/status';
import type { CustomerAccountInput } from '@/server/schemas/onboarding';
import { serverCaller } from '@/server/trpc/server';
import fit from '@/components/staff/fits.module.css';
import { BackLink } from '@/components/ui/back-link';

export const metadata = { title: 'Registration' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function load(organizationId: string) {
  if (!UUID.test(organizationId)) notFound();
  return orRefusalPage((await serverCaller()).registrations.get({ organizationId }));
}

export default async function RegistrationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const r = await load(id);
  const organization = r.organization;
  const representative = r.representative?.name ? r.representative : null;
  const account = r.account;
  const accountInput = account
    ? ({
        currency: account.currency,
        creditLimit: formatMinor(account.creditLimitMinor, account.currency),
        paymentTerms: account.paymentTerms,
        paymentMethods: account.paymentMethods,
      } as Omit<CustomerAccountInput, 'organizationId'>)
    : null;
  const today = new Date().toISOString().slice(0, 10);
  return (
    <>
      <BackLink href="/staff/registrations">Registrations</BackLink>
      <h1>{organization.name}</h1>
      <p className="lede">
        <OrganizationStatusBadge status={organization.status} /> Registered <LocalTime at={organization.createdAt} />
        {organization.statusReason && ` · Reason: ${organization.statusReason}`}
      </p>
      <div className="grid">
        <section className={`card ${fit.fits}`} aria-labelledby="submitted">
          <h2 id="submitted">Submitted</h2>
          {r.profile ? (
            <dl className={`definition-list ${fit.facts}`}>
              <dt>Tax number</dt>
              <dd>{r.profile.taxNumber}</dd>
              <dt>Phone</dt>
              <dd>{r.profile.phone}</dd>
              <dt>Address</dt>
              <dd>{formatAddressInline(r.profile)}</dd>
              <dt>Administrator</dt>
              <dd>
                {r.administrator ? `${r.administrator.name} · ${r.administrator.email}` : r.profile.contactName}{' '}
                {r.administrator?.emailVerifiedAt ? (
                  <span className="badge badge-good">email confirmed</span>
                ) : (
                  <span className="badge">email not confirmed</span>
                )}
              </dd>
            </dl>
          ) : (
            <p>
              Created from the ERP{organization.erpCustomerCode ? ` (customer ${organization.erpCustomerCode})` : ''};
              no registration form.
            </p>
          )}
        </section>
        <section className={`card ${fit.fits}`} aria-labelledby="representative">
          <h2 id="representative">Account representative</h2>
          <p>{representative ? `${representative.name} (${representative.email})` : 'Not assigned yet.'}</p>
          {r.may.decide && (
            <AssignRepresentative
              organizationId={organization.id}
              current={organization.accountRepMembershipId}
              people={r.representatives}
            />
          )}
        </section>
      </div>
      <section className={`card ${fit.fits}`} aria-labelledby="account">
        <h2 id="account">Account</h2>
        {account && !r.may.setUp && (
          <p>
            {account.currency} · credit limit {formatMinor(account.creditLimitMinor, account.currency)} ·{' '}
            {account.paymentTerms} · {account.paymentMethods.map((m) => PAYMENT_METHOD_LABELS[m]).join(', ')}
          </p>
        )}
        {!account && !r.may.setUp && <p>Not set up yet. The assigned account representative sets it up.</p>}
        {r.may.setUp && <AccountForm organizationId={organization.id} initial={accountInput} />}
      </section>
      <section className={`card ${fit.fits}`} aria-labelledby="contracts">
        <h2 id="contracts">Contracts</h2>
        <Contracts
          organizationId={organization.id}
          contracts={r.contracts.map(({ contract, priceListName }) => ({ ...contract, priceListName }))}
          priceLists={r.priceLists}
          editable={r.may.setUp}
          today={today}
        />
      </section>
      {r.may.decide && organization.status === 'pending_approval' && (
        <section className={`card ${fit.fits}`} aria-labelledby="decision">
          <h2 id="decision">Decision</h2>
          <Decision organizationId={organization.id} blockers={r.blockers} />
        </section>
      )}
      {r.may.suspend && (organization.status === 'active' || organization.status === 'suspended') && (
        <section className={`card ${fit.fits}`} aria-labelledby="suspension">
          <h2 id="suspension">{organization.status === 'suspended' ? 'Suspended' : 'Suspend'}</h2>
          <Suspension organizationId={organization.id} suspended={organization.status === 'suspended'} />
        </section>
      )}
      <section className={`card ${fit.fits}`} aria-labelledby="history">
        <h2 id="history">History</h2>
        {r.history.length === 0 ? (
          <p>Nothing yet.</p>
        ) : (
          <ol className="checklist">
            {r.history.map((entry) => (
              <li key={entry.id}>
                <span>
                  <LocalTime at={entry.createdAt} />
                </span>
                <span>
                  {entry.actorName ?? 'System'}: {entry.action.replace(/[._]/g, ' ')}
                  {typeof entry.data.reason === 'string' && ` — “${entry.data.reason}”`}
                  {typeof entry.data.representative === 'string' && ` — ${entry.data.representative}`}
                  {typeof entry.data.name === 'string' && ` — ${entry.data.name}`}
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
