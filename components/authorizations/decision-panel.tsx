'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useTRPC } from '@/components/trpc/provider';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextareaField } from '@/components/ui/textarea-field';
import styles from './authorizations.module.css';
import { decisionOutcome } from './decision-outcome';

type Props = {
  number: string;
  requesterName: string;
  /** From the server: whether this authorizer may approve or decline now, and otherwise why not. */
  canDecide: boolean;
  whyNot: string | null;
  mayCancelDecision: boolean;
};

/**
 * Approve (feedback optional) or decline (feedback required, checked by the server and shown beside
 * the field), and "cancel my decision". Stays mounted while the page refreshes after a decision,
 * so the outcome (role=status) or the server's refusal (role=alert) stays on screen.
 */
export function DecisionPanel({ number, requesterName, canDecide, whyNot, mayCancelDecision }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const [feedback, setFeedback] = useState('');
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
  const onRefused = (error: { message: string; data?: { fieldErrors?: Record<string, string[] | undefined> | null } | null }) => {
    // A field error is shown beside the field; anything else (a lost race) is the server's word.
    if (!error.data?.fieldErrors?.feedback) settle(null, error.message);
  };
  const approve = useMutation(trpc.authorizations.approve.mutationOptions({ onSuccess: (result) => settle(decisionOutcome(result, requesterName), null), onError: onRefused }));
  const decline = useMutation(trpc.authorizations.decline.mutationOptions({ onSuccess: (result) => settle(decisionOutcome(result, requesterName), null), onError: onRefused }));
  const cancel = useMutation(
    trpc.authorizations.cancelDecision.mutationOptions({
      onSuccess: () => {
        setFeedback('');
        settle('Your decision is canceled. The order waits for a decision again.', null);
      },
      onError: (error) => settle(null, error.message),
    }),
  );
  const busy = approve.isPending || decline.isPending || cancel.isPending || refreshing;
  const feedbackError = decline.error?.data?.fieldErrors?.feedback?.[0] ?? approve.error?.data?.fieldErrors?.feedback?.[0];

  return (
    <div className="form">
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
            approve.mutate({ number, feedback: feedback.trim() || undefined });
          }}
        >
          <TextareaField
            label="Feedback for the requester"
            hint="Optional when you approve; required when you decline. It is emailed to the requester."
            maxLength={1000}
            value={feedback}
            error={feedbackError}
            onChange={(event) => {
              setFeedback(event.target.value);
              decline.reset();
              approve.reset();
            }}
          />
          <div className={styles.decisionButtons}>
            <Button type="submit" className="button button-primary" disabled={busy} aria-busy={approve.isPending || undefined}>
              {approve.isPending ? 'Approving…' : 'Approve'}
            </Button>
            <Button className={`button ${styles.declineButton}`} disabled={busy} aria-busy={decline.isPending || undefined} onClick={() => decline.mutate({ number, feedback })}>
              {decline.isPending ? 'Declining…' : 'Decline'}
            </Button>
          </div>
        </form>
      )}
      {mayCancelDecision && !refreshing && (
        <div>
          {confirmingCancel ? (
            <div className="form" role="group" aria-label="Cancel your decision">
              <p>Cancel your decision on order {number}? The order goes back to your step and waits for a decision again; what followed your decision is undone.</p>
              <div className="actions">
                <Button className="button button-primary" disabled={busy} onClick={() => cancel.mutate({ number })}>
                  {cancel.isPending ? 'Canceling…' : 'Yes, cancel my decision'}
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
