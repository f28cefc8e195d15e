import type { BudgetView } from '@/server/domain/approvals/budget';
import styles from './budget-in-view.module.css';

/**
 * The requester's budget on the approval page: for each spending limit a small bar (spent, this
 * order's share, the limit mark) beside the same facts in words. Rendered on the server; the bar is
 * hidden from screen readers, which read the words. Someone who may not see prices gets words only.
 */
export function BudgetInView({ budget }: { budget: BudgetView | null }) {
  if (!budget) return null;
  const drawn = budget.lines.some((line) => line.bar);
  return (
    <div className={styles.budget} data-testid="approval-budget">
      <h3 className={styles.title} id="approval-budget">
        Budget
      </h3>
      {drawn && (
        <p className={styles.legend} aria-hidden="true">
          <span className={styles.keySpent} /> spent <span className={styles.keyOrder} /> this order{' '}
          <span className={styles.keyLimit} /> limit
        </p>
      )}
      <ul className={styles.lines} aria-labelledby="approval-budget">
        {budget.lines.map((line, index) => (
          <li key={index} className={styles.line} data-over={line.over || undefined}>
            {line.bar && (
              <span className={styles.bar} aria-hidden="true">
                <span className={styles.spent} style={{ width: `${line.bar.before}%` }} />
                <span className={styles.order} style={{ left: `${line.bar.before}%`, width: `${line.bar.order}%` }} />
                <span className={styles.limit} style={{ left: `${line.bar.limit}%` }} />
              </span>
            )}
            <span className={styles.words}>{line.words}</span>
          </li>
        ))}
      </ul>
      {budget.noLimit && <p className={styles.words}>{budget.noLimit}</p>}
    </div>
  );
}
