import Link from 'next/link';
import { formatMoney } from '@/components/catalog/money';
import type { RouterOutputs } from '@/components/trpc/types';
import { LocalTime } from '@/components/ui/local-time';
import type { InboxState } from '@/server/domain/approvals/evaluate';
import styles from './authorizations.module.css';
import { BulkSelectBox } from './bulk-approve';

type Row = RouterOutputs['authorizations']['inbox']['rows'][number];

const ACTION: Record<InboxState, string> = { pending: 'Review', waiting: 'View', approved: 'View', declined: 'View' };

/**
 * One card per order, the whole card a tap target: number, requester, when, items, and the total
 * only when the answer carries one (members who may not see prices get none).
 */
export function InboxList({
  rows,
  state,
  empty,
  clearHref,
  selectFormId,
}: {
  rows: Row[];
  state: InboxState;
  empty: string;
  clearHref: string | null;
  /** The bulk-approval form the rows' check boxes belong to, when they may be selected. */
  selectFormId?: string;
}) {
  if (rows.length === 0) {
    return (
      <section className="card" aria-label="No orders">
        <p>{empty}</p>
        {clearHref && (
          <p>
            <Link href={clearHref}>Show all of them</Link>
          </p>
        )}
      </section>
    );
  }
  return (
    <ul className={styles.rows} aria-label="Orders">
      {rows.map((row) => (
        <li key={row.number} className={styles.row}>
          <div>
            <div className={styles.rowHead}>
              <Link
                className={styles.rowLink}
                href={`/authorizations/${encodeURIComponent(row.number)}`}
                aria-label={`${ACTION[state]} order ${row.number} from ${row.requesterName}`}
              >
                {row.number}
              </Link>
              {'total' in row && row.total && (
                <span className={styles.rowTotal}>{formatMoney(row.total.amountMinor, row.total.currency)}</span>
              )}
            </div>
            <div>{row.requesterName}</div>
            <div className={styles.rowMeta}>
              <LocalTime at={row.submittedAt} /> · {row.itemCount === 1 ? '1 item' : `${row.itemCount} items`}
              {row.poNumber && ` · PO ${row.poNumber}`}
            </div>
          </div>
          {row.awaitingAnswer && (
            <span className={`badge ${styles.delegated}`}>Waiting for the requester’s answer</span>
          )}
          {selectFormId && <BulkSelectBox formId={selectFormId} number={row.number} />}
          {row.onBehalfOf && (
            <span className={`badge ${styles.delegated}`}>
              On behalf of {row.onBehalfOfName ?? 'an authorizer who is away'}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
