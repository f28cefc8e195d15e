'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextareaField } from '@/components/ui/textarea-field';
import { useAction, type ActionRefusal } from '@/components/ui/use-action';
import styles from './authorizations.module.css';
import { approveOrder, cancelMyDecision, declineOrder } from './decision-actions';
import { decisionOutcome, type DecisionResult } from './decision-outcome';

type Props = {
  number: string;
  requesterName: string;
  /** From the server: whether this authorizer may approve or decline now, and otherwise why not. */
  canDecide: boolean;
  whyNot: string | null;
  mayCancelDecision: boolean;
};

/**
 * The feedback as it stands in the form. The field is left to the browser rather than held in
 * state: on a slow phone a person may type before the page has hydrated, and state would start
 * empty and send nothing.
 */
const feedbackIn = (form: HTMLFormElement | null) => String((form && new FormData(form).get('feedback')) ?? '');

/**
 * Approve (feedback optional) or decline (feedback required, checked by the server and shown beside
 * the field), and "cancel my decision". Stays mounted while the page refreshes after a decision,
 * so the outcome (role=status) or the server's refusal (role=alert) stays on screen. Decides
 * through server actions: the page needs no tRPC client in the browser (issue 6, page weight).
 */
export function DecisionPanel({ number, requesterName, canDecide, whyNot, mayCancelDecision }: Props) {
  const router = useRouter();
  const [outcome, setOutcome] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  // While the page reloads the order after a decision, the old form must not invite a second click.
  const [refreshing, startRefresh] = useTransition();

  const settle = (message: string | null, refusal: string | null) => {
    setOutcome(message);
    setProblem(refusal);
    setConfirmingCancel(false);
    startRefresh(() => router.refresh());
  };
  const approve = useAction(approveOrder);
  const decline = useAction(declineOrder);
  const cancel = useAction(cancelMyDecision);
  const decided = {
    onSuccess: (result: DecisionResult) => settle(decisionOutcome(result, requesterName), null),
    // A field error is shown beside the field; anything else (a lost race) is the server's word.
    onError: (refusal: ActionRefusal) => {
      if (!refusal.fieldErrors?.feedback) settle(null, refusal.message);
    },
  };
  const cancelled = {
    onSuccess: () => settle('Your decision is canceled. The order waits for a decision again.', null),
    onError: (refusal: ActionRefusal) => settle(null, refusal.message),
  };
  const busy = approve.pending || decline.pending || cancel.pending || refreshing;
  const feedbackError = decline.error?.fieldErrors?.feedback?.[0] ?? approve.error?.fieldErrors?.feedback?.[0];

  // A decline without feedback sends the person to the field: on a phone the bar is at the bottom
  // and the field may be out of sight, so red text alone would go unnoticed.
  const feedbackRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (feedbackError) feedbackRef.current?.focus();
  }, [feedbackError]);
  // The outcome replaces the form; bring it into sight when the decision was taken from the bar.
  const panelRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (outcome || problem) panelRef.current?.scrollIntoView({ block: 'nearest' });
  }, [outcome, problem]);

  return (
    <div className="form" ref={panelRef}>
      {outcome && <Alert tone="success">{outcome}</Alert>}
      {problem && <Alert tone="error">{problem}</Alert>}
      {!canDecide && !outcome && !problem && whyNot && <Alert tone="info">{whyNot}</Alert>}
      {canDecide && !refreshing && (
        <form
          className="form"
          noValidate
          aria-label={`Decide on order ${number}`}
          onSubmit={(event) => {
            event.preventDefault();
            void approve.run({ number, feedback: feedbackIn(event.currentTarget).trim() || undefined }, decided);
          }}
        >
          <TextareaField
            ref={feedbackRef}
            label="Feedback for the requester"
            hint="Optional when you approve; required when you decline. It is emailed to the requester."
            name="feedback"
            maxLength={1000}
            error={feedbackError}
            onChange={() => {
              decline.reset();
              approve.reset();
            }}
          />
          {/* On a phone a bar fixed at the bottom of the screen, in reach of a thumb on arrival. */}
          <div className={styles.decisionBar}>
            <Button
              type="submit"
              className="button button-primary"
              disabled={busy}
              aria-busy={approve.pending || undefined}
            >
              {approve.pending ? 'Approving…' : 'Approve'}
            </Button>
            <Button
              className={`button ${styles.declineButton}`}
              disabled={busy}
              aria-busy={decline.pending || undefined}
              onClick={(event) => void decline.run({ number, feedback: feedbackIn(event.currentTarget.form) }, decided)}
            >
              {decline.pending ? 'Declining…' : 'Decline'}
            </Button>
          </div>
        </form>
      )}
      {mayCancelDecision && !refreshing && (
        <div>
          {confirmingCancel ? (
            <div className="form" role="group" aria-label="Cancel your decision">
              <p>
                Cancel your decision on order {number}? The order goes back to your step and waits for a decision again;
                what followed your decision is undone.
              </p>
              <div className="actions">
                <Button
                  className="button button-primary"
                  disabled={busy}
                  onClick={() => void cancel.run({ number }, cancelled)}
                >
                  {cancel.pending ? 'Canceling…' : 'Yes, cancel my decision'}
                </Button>
                <Button className="button" disabled={busy} onClick={() => setConfirmingCancel(false)}>
                  Keep my decision
                </Button>
              </div>
            </div>
          ) : (
            <Button className="button" disabled={busy} onClick={() => setConfirmingCancel(true)}>
              Cancel my decision
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
