'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextareaField } from '@/components/ui/textarea-field';
import { useAction } from '@/components/ui/use-action';
import { answerAuthorizers, askRequester } from './approval-extras-actions';

const TEXT = {
  ask: {
    label: 'Ask the requester',
    hint: 'They are emailed and answer on their order page. Asking decides nothing: you can still approve or decline.',
    submit: 'Send question',
    busy: 'Sending…',
    done: 'Your question is sent. The order waits for the requester’s answer.',
  },
  answer: {
    label: 'Your answer',
    hint: 'The authorizers are emailed your answer.',
    submit: 'Send answer',
    busy: 'Sending…',
    done: 'Your answer is sent to the authorizers.',
  },
} as const;

/** Ask a question (an authorizer) or answer (the requester); the thread reloads with it. */
export function ThreadForm({ number, mode }: { number: string; mode: 'ask' | 'answer' }) {
  const router = useRouter();
  const text = TEXT[mode];
  const ask = useAction(askRequester);
  const answer = useAction(answerAuthorizers);
  const action = mode === 'ask' ? ask : answer;
  const [sent, setSent] = useState(false);
  const [refreshing, startRefresh] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);
  const error = action.error?.fieldErrors?.[mode === 'ask' ? 'question' : 'answer']?.[0];
  const refusal = action.error && !error ? action.error.message : null;

  return (
    <form
      ref={formRef}
      className="form"
      noValidate
      aria-label={text.label}
      onSubmit={(event) => {
        event.preventDefault();
        const value = String(new FormData(event.currentTarget).get('text') ?? '');
        const onSuccess = () => {
          setSent(true);
          formRef.current?.reset();
          startRefresh(() => router.refresh());
        };
        setSent(false);
        if (mode === 'ask') void ask.run({ number, question: value }, { onSuccess });
        else void answer.run({ number, answer: value }, { onSuccess });
      }}
    >
      {sent && <Alert tone="success">{text.done}</Alert>}
      {refusal && <Alert tone="error">{refusal}</Alert>}
      <TextareaField
        label={text.label}
        hint={text.hint}
        name="text"
        maxLength={2000}
        error={error}
        onChange={() => action.reset()}
      />
      <div className="actions">
        <Button type="submit" className="button" disabled={action.pending || refreshing}>
          {action.pending ? text.busy : text.submit}
        </Button>
      </div>
    </form>
  );
}
