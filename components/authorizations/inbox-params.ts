import type { InboxState } from '@/server/domain/approvals/evaluate';
import { inboxSchema, type InboxInput } from '@/server/schemas/authorizations';
import { firstParam, listInputFrom, pageParam, type SearchParams } from '@/server/schemas/list-params';

/** The inbox's views, in the order the tabs show them. */
export const INBOX_VIEWS: readonly { state: InboxState; label: string; empty: string }[] = [
  {
    state: 'pending',
    label: 'Pending',
    empty: 'Nothing waits for your decision. When an order needs your approval, it appears here and we email you.',
  },
  {
    state: 'waiting',
    label: 'Waiting for earlier approval',
    empty:
      'No order is waiting for an earlier approval. Orders you approve after someone else show here until their turn comes.',
  },
  { state: 'approved', label: 'Approved', empty: 'No approved orders yet.' },
  { state: 'declined', label: 'Declined', empty: 'No declined orders.' },
];

/**
 * The inbox's filters from the address bar (?state=&q=&requester=&from=&to=&questions=1&page=), so that the
 * back button and shared links show the same list. A malformed filter is dropped, not an error page.
 */
export function inboxInputFrom(params: SearchParams): InboxInput {
  return listInputFrom(inboxSchema, {
    state: firstParam(params.state),
    search: firstParam(params.q),
    requesterMembershipId: firstParam(params.requester),
    from: firstParam(params.from),
    to: firstParam(params.to),
    questions: firstParam(params.questions) === '1' || undefined,
    page: pageParam(params.page),
  }).input;
}

/** The address of the inbox with these filters; defaults (pending, page 1) are left out. */
export function inboxHref(input: Partial<InboxInput>): string {
  const query = new URLSearchParams();
  if (input.state && input.state !== 'pending') query.set('state', input.state);
  if (input.search) query.set('q', input.search);
  if (input.requesterMembershipId) query.set('requester', input.requesterMembershipId);
  if (input.from) query.set('from', input.from);
  if (input.to) query.set('to', input.to);
  if (input.questions) query.set('questions', '1');
  if (input.page && input.page > 1) query.set('page', String(input.page));
  const text = query.toString();
  return text ? `/authorizations?${text}` : '/authorizations';
}

/** Whether anything narrows the list beyond its view. */
export const isFiltered = (input: InboxInput) =>
  Boolean(input.search || input.requesterMembershipId || input.from || input.to || input.questions);
