import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { sessionTimeouts } from '@/server/env';
import { exportRoutes, type ExportRouteDeps } from '@/server/services/exports/export-routes';
import { resolveViewer } from '@/server/services/identity/viewer';
import type { Member } from './factories';

export const TEST_APP_URL = 'http://localhost:3000';

/**
 * The export route as the app builds it, reading from `reportDb` and checking sessions on
 * `db`. Tests name the session in a header of their own, in place of the next-auth cookie.
 */
export function testExportRoutes(
  db: () => Database,
  reportDb: () => Database = db,
  extra: Partial<ExportRouteDeps> = {},
) {
  return exportRoutes({
    reportDb,
    viewer: async (request) => {
      const sessionId = request.headers.get('x-test-session');
      return sessionId ? resolveViewer(db(), sessionId, new Date(), sessionTimeouts()) : null;
    },
    ...extra,
  });
}

/** A GET of /api/exports/<kind>?<query> with the session, as the route receives it. */
export function exportRequest(kind: string, session: string | null, query = '') {
  const request = new Request(`${TEST_APP_URL}/api/exports/${kind}${query ? `?${query}` : ''}`, {
    headers: session ? { 'x-test-session': session } : {},
  });
  return [request, { params: Promise.resolve({ kind }) }] as const;
}

/** The file's text without its byte-order mark, parsed into the header and the rows. */
export function csvTable(text: string): { header: string[]; rows: string[][] } {
  const [header = [], ...rows] = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: false }) as string[][];
  return { header, rows };
}

/**
 * `count` orders of the member's organization and unit, submitted a minute apart going back from
 * `newest`, numbered `<prefix>1…`: one INSERT … SELECT over generate_series, so that 100,000 rows
 * take a second or two instead of 100,000 checkouts.
 */
export async function insertOrders(
  db: Database,
  member: Member,
  options: { count: number; prefix: string; newest?: Date; status?: string; poNumber?: string },
) {
  const newest = (options.newest ?? new Date()).toISOString();
  const { membership, user } = member;
  await db.execute(sql`
    insert into orders (id, number, organization_id, unit_id, membership_id, user_id, status, idempotency_key,
      currency, subtotal_minor, shipping_minor, total_minor, item_count, sku_count, ship_to, shipping_method_code,
      shipping_method_name, po_number, payment_method, submitted_at, updated_at)
    select gen_random_uuid(), ${options.prefix} || g, ${membership.organizationId}, ${membership.unitId},
      ${membership.id}, ${user.id}, ${options.status ?? 'payment_authorized'}::order_status, 'bulk-' || ${options.prefix} || g,
      'USD', 1000 + g, 0, 1000 + g, 1, 1,
      '{"label":"Dock","recipient":"Receiving","addressLine1":"1 Dock Road","addressLine2":null,"city":"Portland","region":null,"postalCode":"97201","country":"US"}'::jsonb,
      'TEST-GROUND', 'Test ground', ${options.poNumber ?? null}, 'on_account',
      ${newest}::timestamptz - g * interval '1 minute', now()
    from generate_series(1, ${options.count}::int) g`);
}
