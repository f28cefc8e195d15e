import Link from 'next/link';
import type { InboxInput } from '@/server/schemas/authorizations';
import styles from './authorizations.module.css';
import { inboxHref, isFiltered } from './inbox-params';

type Requester = { membershipId: string; name: string };

/**
 * Search by order number, and (folded away on a phone until used) requester and submit dates.
 * A plain GET form: the filters land in the address bar, so back and shared links keep them.
 */
export function InboxFilters({ input, requesters }: { input: InboxInput; requesters: Requester[] }) {
  const more = Boolean(input.requesterMembershipId || input.from || input.to);
  return (
    <form className={styles.filters} role="search" aria-label="Find orders to authorize" action="/authorizations">
      {input.state !== 'pending' && <input type="hidden" name="state" value={input.state} />}
      <div className={styles.searchRow}>
        <div className="field">
          <label htmlFor="inbox-q">Order number</label>
          <input
            id="inbox-q"
            name="q"
            type="search"
            inputMode="search"
            defaultValue={input.search}
            maxLength={40}
            autoComplete="off"
          />
        </div>
        <button type="submit" className="button">
          Search
        </button>
      </div>
      <details open={more}>
        <summary>Filter by requester or date</summary>
        <div className={styles.moreFilters}>
          <div className="field">
            <label htmlFor="inbox-requester">Requester</label>
            <select id="inbox-requester" name="requester" defaultValue={input.requesterMembershipId ?? ''}>
              <option value="">Anyone</option>
              {requesters.map((person) => (
                <option key={person.membershipId} value={person.membershipId}>
                  {person.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="inbox-from">Submitted from</label>
            <input id="inbox-from" name="from" type="date" defaultValue={input.from} />
          </div>
          <div className="field">
            <label htmlFor="inbox-to">Submitted to</label>
            <input id="inbox-to" name="to" type="date" defaultValue={input.to} />
          </div>
          <button type="submit" className="button">
            Apply filters
          </button>
        </div>
      </details>
      {isFiltered(input) && (
        <p>
          <Link href={inboxHref({ state: input.state })}>Clear filters</Link>
        </p>
      )}
    </form>
  );
}
