import { randomUUID } from 'node:crypto';
import { errorFields, log, withRequestId } from './log';
import { metrics } from './metrics';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The request's id: the one a proxy or load balancer sent in `x-request-id` when sane, else a new one. */
export function requestIdOf(headers: Headers): string {
  const given = headers.get('x-request-id');
  return given && REQUEST_ID.test(given) ? given : randomUUID();
}

/**
 * Wraps a route handler: one log line per request (method, route, path without its query — a
 * query may carry a token —, status, duration, request id), the duration by route and status for
 * Prometheus, the request id on every line logged while it runs and on the response. Headers and
 * bodies are never logged.
 */
export function observedRoute<Args extends unknown[]>(
  route: string,
  handler: (request: Request, ...args: Args) => Response | Promise<Response>,
) {
  return async function observed(request: Request, ...args: Args): Promise<Response> {
    const requestId = requestIdOf(request.headers);
    const started = performance.now();
    let status = 500;
    return withRequestId(requestId, async () => {
      try {
        const response = await handler(request, ...args);
        status = response.status;
        try {
          response.headers.set('x-request-id', requestId);
        } catch {
          // Some responses (redirects, fetched ones) have immutable headers: the log line still has the id.
        }
        return response;
      } catch (error) {
        log().error({ route, ...errorFields(error) }, 'route handler failed');
        throw error;
      } finally {
        const durationMs = performance.now() - started;
        const method = request.method;
        metrics().httpDuration.observe({ method, route, status: String(status) }, durationMs / 1000);
        log().info(
          { method, route, path: new URL(request.url).pathname, status, durationMs: Math.round(durationMs * 10) / 10 },
          'request',
        );
      }
    });
  };
}
