import type { Database } from '@/db/client';
import { bearerToken } from '@/server/domain/erp/api-keys';
import { parseFeedRequest } from '@/server/domain/erp/feed-cursor';
import { authenticateErpKey } from '../keys';
import { readErpFeed } from './feed';

const NO_STORE = { 'cache-control': 'no-store' };

function problem(status: 400 | 401, error: string, message: string): Response {
  const headers: Record<string, string> = { ...NO_STORE };
  if (status === 401) headers['www-authenticate'] = 'Bearer realm="countersign-erp-feed"';
  return Response.json({ error, message }, { status, headers });
}

/**
 * The body of `GET /api/erp/orders`: an API key in `Authorization: Bearer …`, then `cursor` and
 * `limit` from the query string; answers a page of the feed as JSON. `db` and `now` are injected
 * so tests call it against their own database.
 */
export function erpOrdersHandler(db: () => Database, now: () => Date = () => new Date()) {
  return async function GET(request: Request): Promise<Response> {
    const token = bearerToken(request.headers.get('authorization'));
    if (!token) return problem(401, 'unauthorized', 'Send your API key in the header "Authorization: Bearer <key>".');
    const key = await authenticateErpKey(db(), token, now());
    if (!key)
      return problem(
        401,
        'unauthorized',
        'This API key is not valid or has been revoked. Ask Countersign staff for a new one.',
      );

    const parsed = parseFeedRequest(new URL(request.url).searchParams);
    if (!parsed.ok) return problem(400, 'invalid_request', parsed.message);
    return Response.json(await readErpFeed(db(), parsed.value), { headers: NO_STORE });
  };
}
