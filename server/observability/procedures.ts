import type { TRPCError } from '@trpc/server';
import { errorFields, log } from './log';
import { metrics } from './metrics';
import { inSpan } from './tracing';

type Outcome = { ok: true } | { ok: false; error: TRPCError };

/**
 * Around every tRPC procedure call (a middleware in server/trpc/init.ts): a span `trpc <path>`
 * under the request's span, with the database statements as its children; its duration by path,
 * type and outcome; and a log line for server errors (with the cause's message, never the input).
 */
export async function observeProcedure<Result extends Outcome>(
  call: { path: string; type: string },
  next: () => Promise<Result>,
): Promise<Result> {
  const started = performance.now();
  const result = await inSpan(`trpc ${call.path}`, { 'rpc.system': 'trpc', 'rpc.method': call.path }, async (span) => {
    const result = await next();
    if (!result.ok && span) {
      span.setAttribute('trpc.error_code', result.error.code);
      if (result.error.code === 'INTERNAL_SERVER_ERROR') span.setStatus({ code: 2, message: result.error.message });
    }
    return result;
  });
  const outcome = result.ok ? 'ok' : result.error.code;
  const seconds = (performance.now() - started) / 1000;
  const recorded = metrics();
  recorded.procedureDuration.observe({ procedure: call.path, type: call.type, outcome }, seconds);
  if (!result.ok) {
    recorded.procedureErrors.inc({ procedure: call.path, code: outcome });
    if (result.error.code === 'INTERNAL_SERVER_ERROR') {
      log().error({ procedure: call.path, ...errorFields(result.error.cause ?? result.error) }, 'procedure failed');
    }
  }
  return result;
}
