'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useId, type FormEvent } from 'react';
import { browserTimeZone } from '@/components/auth/sign-in-after';
import { useTRPC } from '@/components/trpc/provider';
import { Alert } from '@/components/ui/alert';
import { SubmitButton } from '@/components/ui/submit-button';

/** The value of the first option: follow whatever zone the browser signs in from. */
const FOLLOW_BROWSER = '';

/** My account's time zone: one from the list, or the browser's own (updated at each sign-in). */
export function TimeZoneForm({
  zones,
  current,
  chosen,
}: {
  zones: readonly string[];
  current: string;
  chosen: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const set = useMutation(trpc.account.setTimeZone.mutationOptions({ onSuccess: () => router.refresh() }));
  const fieldError = set.error?.data?.fieldErrors?.timeZone?.[0];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const picked = String(new FormData(event.currentTarget).get('timeZone') ?? FOLLOW_BROWSER);
    set.mutate(picked === FOLLOW_BROWSER ? { timeZone: browserTimeZone(), followBrowser: true } : { timeZone: picked });
  }

  return (
    <form className="form" noValidate onSubmit={submit} aria-label="Time zone">
      {set.isSuccess && <Alert tone="success">Times are now shown in {set.data.timeZone.replaceAll('_', ' ')}.</Alert>}
      {set.error && !fieldError && <Alert tone="error">{set.error.message}</Alert>}
      <div className="field">
        <label htmlFor={id}>Show times in</label>
        <select
          id={id}
          name="timeZone"
          defaultValue={chosen ? current : FOLLOW_BROWSER}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? `${id}-error` : undefined}
        >
          <option value={FOLLOW_BROWSER}>
            My browser’s zone{chosen ? '' : ` (now ${current.replaceAll('_', ' ')})`}
          </option>
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll('_', ' ')}
            </option>
          ))}
        </select>
        {fieldError && (
          <p id={`${id}-error`} className="field-error">
            {fieldError}
          </p>
        )}
      </div>
      <SubmitButton pending={set.isPending}>Save time zone</SubmitButton>
    </form>
  );
}
