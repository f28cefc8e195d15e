import type { z } from 'zod';
import { inboxSchema } from './authorizations';
import { firstParam, listInputFrom, type SearchParams } from './list-params';
import { orderListSchema, statementSchema } from './order-history';
import { staffOrderListSchema } from './staff-orders';

/**
 * The filters of each list as its page reads them from the address bar, shared with the CSV
 * export of that list: the "Export CSV" link carries the page's own query string, and the export
 * reads it with the same names and the same schema, so it holds exactly the rows the list holds
 * (every page of them). Paging parameters are the page's business and are not read here.
 */
type Filters<S extends z.ZodObject> = { input: z.output<S>; problems: string[] };

/** The query string of a filter set: empty values left out, so a link carries only what narrows. */
export function filterQuery(values: Record<string, string | boolean | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value === true) query.set(key, '1');
    else if (typeof value === 'string' && value) query.set(key, value);
  }
  return query.toString();
}

/** The buyer's order history: ?q= (order or PO number) and ?status=. */
export const orderFilterSchema = orderListSchema.pick({ search: true, status: true });
export type OrderFilters = z.output<typeof orderFilterSchema>;

export function orderFiltersFrom(params: SearchParams): Filters<typeof orderFilterSchema> {
  return listInputFrom(orderFilterSchema, { search: firstParam(params.q), status: firstParam(params.status) });
}

export const orderFilterQuery = (input: Partial<OrderFilters>) =>
  filterQuery({ q: input.search, status: input.status });

/** The account statement: ?status=open|paid. */
export const statementFilterSchema = statementSchema.pick({ status: true });
export type StatementFilters = z.output<typeof statementFilterSchema>;

export function statementFiltersFrom(params: SearchParams): Filters<typeof statementFilterSchema> {
  return listInputFrom(statementFilterSchema, { status: firstParam(params.status) });
}

export const statementFilterQuery = (input: Partial<StatementFilters>) => filterQuery({ status: input.status });

/** The authorizations inbox: ?state=&q=&requester=&from=&to=&questions=1 (state defaults to pending). */
export const inboxFilterSchema = inboxSchema.omit({ page: true });
export type InboxFilters = z.output<typeof inboxFilterSchema>;

export function inboxFiltersFrom(params: SearchParams): Filters<typeof inboxFilterSchema> {
  return listInputFrom(inboxFilterSchema, {
    state: firstParam(params.state),
    search: firstParam(params.q),
    requesterMembershipId: firstParam(params.requester),
    from: firstParam(params.from),
    to: firstParam(params.to),
    questions: firstParam(params.questions) === '1' || undefined,
  });
}

export const inboxFilterQuery = (input: Partial<InboxFilters>) =>
  filterQuery({
    state: input.state && input.state !== 'pending' ? input.state : undefined,
    q: input.search,
    requester: input.requesterMembershipId,
    from: input.from,
    to: input.to,
    questions: input.questions,
  });

/** The staff order list: ?q=&status=&org=&from=&to=&failed=1. */
export function staffOrderFiltersFrom(params: SearchParams): Filters<typeof staffOrderListSchema> {
  return listInputFrom(staffOrderListSchema, {
    search: firstParam(params.q),
    status: firstParam(params.status),
    organizationId: firstParam(params.org),
    from: firstParam(params.from),
    to: firstParam(params.to),
    captureFailed: firstParam(params.failed) === '1' || undefined,
  });
}

export const staffOrderFilterQuery = (input: {
  search?: string;
  status?: string;
  organizationId?: string;
  from?: string;
  to?: string;
  captureFailed?: boolean;
}) =>
  filterQuery({
    q: input.search,
    status: input.status,
    org: input.organizationId,
    from: input.from,
    to: input.to,
    failed: input.captureFailed,
  });
