import { useState } from 'react';
import type { ActionResult } from '@/server/trpc/actions';

export type ActionRefusal = Extract<ActionResult<unknown>, { ok: false }>;

const UNREACHABLE: ActionRefusal = {
  ok: false,
  message: 'The server could not be reached. Check the connection and try again.',
  fieldErrors: null,
};

/**
 * A server action as a button or form uses it, in the manner of react-query's useMutation: pending
 * while it runs, its refusal kept (for field errors beside the fields) until the next run or reset.
 */
export function useAction<I, O>(action: (input: I) => Promise<ActionResult<O>>) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ActionRefusal | null>(null);
  const run = async (
    input: I,
    on: { onSuccess?: (data: O) => void; onError?: (refusal: ActionRefusal) => void } = {},
  ) => {
    setPending(true);
    setError(null);
    const result = await action(input).catch(() => UNREACHABLE);
    setPending(false);
    if (result.ok) return on.onSuccess?.(result.data);
    setError(result);
    on.onError?.(result);
  };
  return { run, pending, error, reset: () => setError(null) };
}
