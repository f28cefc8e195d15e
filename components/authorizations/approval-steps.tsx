import { Timestamp } from '@/components/ui/timestamp';
import { StatusBadge, type BadgeTone } from '@/components/ui/status-badge';
import type { ApprovalStepStatus } from '@/server/domain/approvals/evaluate';
import styles from './authorizations.module.css';

/**
 * A step as `authorizations.order` returns it. `isYou` / `decidedByYou` are only known to the
 * authorizer's view; the requester's order page may leave them out.
 */
export type ApprovalStepView = {
  id: string;
  tier: number;
  label: string;
  status: ApprovalStepStatus;
  escalated: string | null;
  authorizers: readonly { name: string; onBehalfOf: string | null; isYou?: boolean }[];
  decidedBy: string | null;
  onBehalfOf: string | null;
  decidedAt: Date | null;
  decidedByYou?: boolean;
  feedback: string | null;
};

export const STEP_STATUS_WORDS: Record<ApprovalStepStatus, string> = {
  waiting: 'Waiting for an earlier approval',
  pending: 'Waiting for a decision',
  approved: 'Approved',
  declined: 'Declined',
  void: 'No longer needed',
};

const TONE: Record<ApprovalStepStatus, string> = {
  waiting: '',
  pending: styles.stepPending ?? '',
  approved: styles.stepApproved ?? '',
  declined: styles.stepDeclined ?? '',
  void: '',
};
const BADGE_TONE: Record<ApprovalStepStatus, BadgeTone> = {
  waiting: 'neutral',
  pending: 'neutral',
  approved: 'good',
  declined: 'bad',
  void: 'neutral',
};

const ESCALATED: Record<string, string> = {
  self: 'Offered to the account managers: the requester was its only authorizer, and nobody approves their own order.',
  none: 'Offered to the account managers: none of the named authorizers may authorize orders now.',
  overdue: 'Also offered to the account managers: it waited longer than the organization allows.',
};

/** "Dana on behalf of Carol", "Ann Approver (you)". */
export function decidedByText(step: Pick<ApprovalStepView, 'decidedBy' | 'onBehalfOf' | 'decidedByYou'>): string {
  const who = `${step.decidedBy ?? 'an authorizer'}${step.onBehalfOf ? ` on behalf of ${step.onBehalfOf}` : ''}`;
  return step.decidedByYou ? `${who} (you)` : who;
}

/** Who may decide a step: "Ann Approver (you), Dana Delegate on behalf of Carol". */
export function authorizersText(authorizers: ApprovalStepView['authorizers']): string {
  if (authorizers.length === 0) return 'nobody yet';
  return authorizers
    .map(
      (person) =>
        `${person.name}${person.onBehalfOf ? ` on behalf of ${person.onBehalfOf}` : ''}${person.isYou ? ' (you)' : ''}`,
    )
    .join(', ');
}

/**
 * The approvals an order needs, in tier order: each step's status, who may decide it, and who
 * decided what, when and why. A server component; it only renders what it is given.
 */
export function ApprovalSteps({
  steps,
  label = 'Approval steps',
  timeZone,
}: {
  steps: readonly ApprovalStepView[];
  label?: string;
  /** The viewer's, for when each step was decided. */
  timeZone: string;
}) {
  if (steps.length === 0) return <p>This order needed no approval.</p>;
  const tiers = new Set(steps.map((step) => step.tier)).size;
  return (
    <ol className={styles.steps} aria-label={label}>
      {steps.map((step) => (
        <li key={step.id} className={`${styles.step} ${TONE[step.status]}`} data-testid="approval-step">
          <div className={styles.stepHead}>
            <strong>
              {tiers > 1 && `${step.tier}. `}
              {step.label}
            </strong>
            <StatusBadge tone={BADGE_TONE[step.status]}>{STEP_STATUS_WORDS[step.status]}</StatusBadge>
          </div>
          {(step.status === 'approved' || step.status === 'declined') && (
            <p className={styles.stepMeta}>
              {step.status === 'approved' ? 'Approved' : 'Declined'} by {decidedByText(step)} ·{' '}
              <Timestamp at={step.decidedAt} timeZone={timeZone} />
            </p>
          )}
          {step.feedback && <blockquote className={styles.feedback}>“{step.feedback}”</blockquote>}
          {(step.status === 'pending' || step.status === 'waiting') && (
            <p className={styles.stepMeta}>Any one of: {authorizersText(step.authorizers)}</p>
          )}
          {step.escalated && ESCALATED[step.escalated] && (
            <p className={styles.stepMeta}>{ESCALATED[step.escalated]}</p>
          )}
        </li>
      ))}
    </ol>
  );
}
