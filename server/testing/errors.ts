import { TRPCError } from '@trpc/server';

/** The TRPCError a call was refused with; fails the test when the call succeeds or crashes otherwise. */
export async function trpcErrorOf(promise: Promise<unknown>): Promise<TRPCError> {
  const outcome = await promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if (!('error' in outcome)) throw new Error(`expected a refusal, got ${JSON.stringify(outcome.value)}`);
  if (!(outcome.error instanceof TRPCError)) throw outcome.error;
  return outcome.error;
}
