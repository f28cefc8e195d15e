import type { Database } from '@/db/client';
import type { Actor } from '@/server/domain/access/actor';
import { DomainError, type DomainErrorCode } from '@/server/domain/errors';
import type { SearchParams } from '@/server/schemas/list-params';
import {
  inboxFiltersFrom,
  orderFiltersFrom,
  staffOrderFiltersFrom,
  statementFiltersFrom,
} from '@/server/schemas/list-filters';
import { actorOf, type Viewer } from '@/server/services/identity/viewer';
import { approvalsExport } from './approvals';
import { ordersExport } from './orders';
import { staffOrdersExport } from './staff-orders';
import { statementExport } from './statement';
import { csvStream } from './stream';
import type { ExportTable } from './table';

/** What the export route needs from the request's world; tests pass their own. */
export type ExportRouteDeps = {
  /** Where exports read: the read replica when DATABASE_READ_URL is set (see getReportDb). */
  reportDb: () => Database;
  /** The signed-in viewer of the request (from its session cookie, checked on the primary), or null. */
  viewer: (request: Request) => Promise<Viewer | null>;
  now?: () => Date;
};

type Kind = {
  side: 'buyer' | 'seller';
  /** Reads the list's filters from the query string (the list page's names and rules) and binds them. */
  open: (params: SearchParams) => { problems: string[]; table: (db: Database, actor: Actor) => Promise<ExportTable> };
};

function kind<F>(
  side: Kind['side'],
  filters: (params: SearchParams) => { input: F; problems: string[] },
  table: (db: Database, actor: Actor, filters: F) => Promise<ExportTable>,
): Kind {
  return {
    side,
    open: (params) => {
      const { input, problems } = filters(params);
      return { problems, table: (db, actor) => table(db, actor, input) };
    },
  };
}

/** The exports, each the CSV twin of one list. */
const KINDS = {
  orders: kind('buyer', orderFiltersFrom, ordersExport),
  approvals: kind('buyer', inboxFiltersFrom, approvalsExport),
  statement: kind('buyer', statementFiltersFrom, statementExport),
  'staff-orders': kind('seller', staffOrderFiltersFrom, staffOrdersExport),
} satisfies Record<string, Kind>;

export type ExportKind = keyof typeof KINDS;
export const EXPORT_KINDS = Object.keys(KINDS) as ExportKind[];

const isKind = (kind: string): kind is ExportKind => Object.hasOwn(KINDS, kind);

const STATUS: Record<DomainErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid: 400,
  precondition_failed: 412,
  rate_limited: 429,
};

const refuse = (status: number, message: string) =>
  Response.json({ message }, { status, headers: { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' } });

/** The query string as the pages read theirs: repeated names as arrays. */
function searchParamsOf(url: URL): SearchParams {
  const params: SearchParams = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    params[key] = values.length === 1 ? values[0] : values;
  }
  return params;
}

type KindContext = { params: Promise<{ kind: string }> };

/**
 * GET /api/exports/<kind>?<the list's filters>: the list as a CSV download, streamed. The caller
 * is checked here as the list's procedure checks them — signed in (401), acting in an organization
 * of the right side with the list's permission (403); an unknown kind is 404 and a malformed filter
 * 400 naming it. Nothing of the file is sent before all of that has passed.
 */
export function exportRoutes(deps: ExportRouteDeps) {
  const now = deps.now ?? (() => new Date());

  async function GET(request: Request, context: KindContext): Promise<Response> {
    const { kind } = await context.params;
    if (!isKind(kind)) return refuse(404, 'There is no such export.');
    const viewer = await deps.viewer(request);
    if (!viewer) return refuse(401, 'Your session has ended. Please sign in again.');
    if (!viewer.membership) return refuse(403, viewer.membershipProblem ?? 'Choose an account to work in first.');
    const spec = KINDS[kind];
    if (viewer.membership.organization.kind !== spec.side) {
      return refuse(403, spec.side === 'seller' ? 'This export is for seller staff.' : 'This export is for buyers.');
    }
    const { problems, table: open } = spec.open(searchParamsOf(new URL(request.url)));
    if (problems.length > 0) return refuse(400, problems.join(' '));
    let table: ExportTable;
    try {
      table = await open(deps.reportDb(), actorOf(viewer, viewer.membership));
    } catch (error) {
      if (error instanceof DomainError) return refuse(STATUS[error.code], error.message);
      throw error;
    }
    const filename = `${table.name}-${now().toISOString().slice(0, 10)}.csv`;
    return new Response(csvStream(table), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${filename}"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  }

  return { GET };
}
