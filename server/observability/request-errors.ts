import type { Instrumentation } from 'next';
import { errorFields, log } from './log';
import { requestIdOf } from './request-log';

type ErrorArgs = Parameters<Instrumentation.onRequestError>;

/**
 * An error Next caught while serving a page, an action or a route: logged with its route and the
 * path without its query, never the request's headers or body. Next's own control flow (not found,
 * redirect, forbidden), which travels as errors with a NEXT_ digest, is not a failure.
 */
export function logRequestError(error: ErrorArgs[0], request: ErrorArgs[1], context: ErrorArgs[2]): void {
  const digest = (error as { digest?: unknown } | null)?.digest;
  if (typeof digest === 'string' && digest.startsWith('NEXT_')) return;
  const given = request.headers['x-request-id'];
  log().error(
    {
      method: request.method,
      path: request.path.split('?')[0],
      route: context.routePath,
      routeType: context.routeType,
      requestId: requestIdOf(new Headers(typeof given === 'string' ? { 'x-request-id': given } : {})),
      digest: typeof digest === 'string' ? digest : undefined,
      ...errorFields(error),
    },
    'request failed',
  );
}
