import { createHash, timingSafeEqual } from 'node:crypto';
import type { Database } from '@/db/client';
import { refreshGauges } from './database-figures';
import { metrics } from './metrics';

/** Whether `Authorization: Bearer <token>` carries `token`, compared in constant time (hashes, so lengths do not show). */
function bearerMatches(authorization: string | null, token: string): boolean {
  if (!authorization?.startsWith('Bearer ')) return false;
  const given = createHash('sha256').update(authorization.slice('Bearer '.length)).digest();
  const expected = createHash('sha256').update(token).digest();
  return timingSafeEqual(given, expected);
}

/**
 * GET /api/metrics for Prometheus. Without METRICS_TOKEN the endpoint does not exist (404): metrics
 * say how busy the business is, so they are never public by default. With it, the scraper must
 * send `Authorization: Bearer <token>`; anything else is 401.
 */
export function metricsHandler(options: { token: () => string | undefined; db: () => Database }) {
  return async function GET(request: Request): Promise<Response> {
    const token = options.token();
    if (!token) return new Response('Not found\n', { status: 404 });
    if (!bearerMatches(request.headers.get('authorization'), token)) {
      return new Response('Unauthorized\n', {
        status: 401,
        headers: { 'WWW-Authenticate': 'Bearer realm="metrics"' },
      });
    }
    await refreshGauges(options.db());
    const { registry } = metrics();
    return new Response(await registry.metrics(), {
      headers: { 'Content-Type': registry.contentType, 'Cache-Control': 'no-store' },
    });
  };
}
