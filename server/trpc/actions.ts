import 'server-only';
import { getTRPCErrorFromUnknown, TRPCError } from '@trpc/server';
import { errorFields, log } from '@/server/observability/log';
import { clientError, type ClientError } from './init';
import { serverCaller } from './server';

/** What a server action answers: the procedure's result, or its refusal as a client sees it. */
export type ActionResult<T> = { ok: true; data: T } | ({ ok: false } & ClientError);

type Caller = Awaited<ReturnType<typeof serverCaller>>;

/**
 * Runs a procedure for a server action, with the request's session and every check the HTTP
 * endpoint applies, input validation included: an action may pass on its arguments as they came.
 * For pages that only mutate, which then need no tRPC client or query cache in the browser.
 */
export async function runProcedure<T>(call: (caller: Caller) => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await call(await serverCaller()) };
  } catch (thrown) {
    const error = getTRPCErrorFromUnknown(thrown);
    // A procedure's own failure is logged where it happened (server/observability/procedures.ts).
    if (!(thrown instanceof TRPCError)) log().error(errorFields(thrown), 'server action failed');
    return { ok: false, ...clientError(error) };
  }
}
