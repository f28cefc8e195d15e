'use client';

import { useActionState, useEffect, useRef } from 'react';
import { Button } from '@/components/ui/button';
import { TextareaField } from '@/components/ui/textarea-field';
import { approveSelected, type BulkApprovalState } from './approval-extras-actions';
import styles from './bulk-approve.module.css';

const boxesOf = (formId: string) => [
  ...document.querySelectorAll<HTMLInputElement>(`input[type="checkbox"][name="number"][form="${formId}"]`),
];

/**
 * "Approve selected" for the inbox's pending orders: the row check boxes belong to this form by
 * its id, so the list stays server-rendered. Each order is decided on its own; the answer lists
 * every order in a panel that takes the focus. Stays mounted while the list reloads after the action.
 */
export function BulkApprove({ formId, rowCount }: { formId: string; rowCount: number }) {
  const [state, formAction, pending] = useActionState<BulkApprovalState, FormData>(approveSelected, null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (state) resultRef.current?.focus();
  }, [state]);
  const feedbackError = state && !state.ok ? state.fieldErrors?.feedback?.[0] : undefined;

  return (
    <div className={styles.bulk}>
      <div aria-live="polite">
        {state && (
          <section className={`card ${styles.result}`} aria-labelledby={`${formId}-result`}>
            <h2 id={`${formId}-result`} tabIndex={-1} ref={resultRef}>
              {state.ok ? state.data.heading : 'Nothing was approved'}
            </h2>
            {state.ok ? (
              <ul className={styles.lines} aria-label="Each selected order">
                {state.data.lines.map((line) => (
                  <li key={line.number} data-outcome={line.kind}>
                    <strong>{line.number}</strong> {line.text}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="field-error">{state.message}</p>
            )}
          </section>
        )}
      </div>
      {rowCount > 0 && (
        <form id={formId} action={formAction} className={styles.form} aria-label="Approve selected orders">
          <label className="checkbox">
            <input
              type="checkbox"
              onChange={(event) => {
                for (const box of boxesOf(formId)) box.checked = event.currentTarget.checked;
              }}
            />
            Select all<span className="visually-hidden"> on this page</span>
          </label>
          <details>
            <summary className={styles.summary}>Add a comment for the requesters</summary>
            <TextareaField
              label="Comment"
              hint="Optional; sent with each approval to its requester. Declining stays one order at a time."
              name="feedback"
              maxLength={2000}
              error={feedbackError}
            />
          </details>
          <Button type="submit" className="button button-primary" disabled={pending} aria-busy={pending || undefined}>
            {pending ? 'Approving…' : 'Approve selected'}
          </Button>
        </form>
      )}
    </div>
  );
}

/** A row's check box, in the bulk form by its id; server-rendered, no script of its own. */
export function BulkSelectBox({ formId, number }: { formId: string; number: string }) {
  return (
    <label className={`checkbox ${styles.select}`}>
      <input type="checkbox" name="number" value={number} form={formId} />
      <span className={styles.selectText}>Select {number}</span>
    </label>
  );
}
