import Link from 'next/link';
import { FilterSelect, SearchField } from '@/components/ui/search-form';
import type { InboxInput } from '@/server/schemas/authorizations';
import styles from './authorizations.module.css';
import { inboxHref, isFiltered } from './inbox-params';

type Requester = { membershipId: string; name: string };

/**
 * Search by order number, and (folded away on a phone until used) requester and submit dates.
 * A plain GET form: the filters land in the address bar, so back and shared links keep them.
 */
export function InboxFilters({ input, requesters }: { input: InboxInput; requesters: Requester[] }) {
  const more = Boolean(input.requesterMembershipId || input.from || input.to || input.questions);
  return (
    <form className={styles.filters} role="search" aria-label="Find orders to authorize" action="/authorizations">
      {input.state !== 'pending' && <input type="hidden" name="state" value={input.state} />}
      <div className={styles.searchRow}>
        <SearchField
          id="inbox-q"
          name="q"
          type="search"
          label="Order number"
          inputMode="search"
          defaultValue={input.search}
          maxLength={40}
          autoComplete="off"
        />
        <button type="submit" className="button">
          Search
        </button>
      </div>
      <details open={more}>
        <summary>More filters</summary>
        <div className={styles.moreFilters}>
          <FilterSelect
            id="inbox-requester"
            name="requester"
            label="Requester"
            defaultValue={input.requesterMembershipId}
            anyLabel="Anyone"
            options={requesters.map((person) => ({ value: person.membershipId, label: person.name }))}
          />
          <SearchField id="inbox-from" name="from" type="date" label="Submitted from" defaultValue={input.from} />
          <SearchField id="inbox-to" name="to" type="date" label="Submitted to" defaultValue={input.to} />
          <label className={`checkbox ${styles.wide}`}>
            <input type="checkbox" name="questions" value="1" defaultChecked={input.questions} />
            Questions asked (waiting for the requester’s answer)
          </label>
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
