import { describe, expect, it } from 'vitest';
import { inboxHref, inboxInputFrom, isFiltered } from './inbox-params';

const REQUESTER = '6f1c1f4e-3f7a-4b7e-9a43-2a1d6f0c9b11';

describe('the inbox filters in the address bar', () => {
  it('reads every filter, and a link made from them reads back the same', () => {
    const input = inboxInputFrom({
      state: 'approved',
      q: 'CS-1001',
      requester: REQUESTER,
      from: '2026-11-01',
      to: '2026-11-30',
      page: '3',
    });
    expect(input).toEqual({
      state: 'approved',
      search: 'CS-1001',
      requesterMembershipId: REQUESTER,
      from: '2026-11-01',
      to: '2026-11-30',
      page: 3,
    });
    const href = inboxHref(input);
    expect(href).toBe(
      `/authorizations?state=approved&q=CS-1001&requester=${REQUESTER}&from=2026-11-01&to=2026-11-30&page=3`,
    );
    expect(inboxInputFrom(Object.fromEntries(new URL(href, 'http://x').searchParams))).toEqual(input);
  });

  it('starts at the first page of what waits for me, and leaves the defaults out of links', () => {
    expect(inboxInputFrom({})).toEqual({ state: 'pending', page: 1 });
    expect(inboxHref({ state: 'pending', page: 1 })).toBe('/authorizations');
    expect(isFiltered(inboxInputFrom({ state: 'declined' }))).toBe(false);
    expect(isFiltered(inboxInputFrom({ q: 'CS' }))).toBe(true);
  });

  it('drops a malformed filter (an empty field from the form, a bad date, an unknown view) and keeps the rest', () => {
    expect(
      inboxInputFrom({
        state: 'everything',
        q: '',
        requester: 'bob',
        from: '2026-13-40',
        to: '2026-11-30',
        page: 'two',
      }),
    ).toEqual({ state: 'pending', to: '2026-11-30', page: 1 });
    expect(inboxInputFrom({ q: ['CS-7', 'CS-8'], page: '0' })).toEqual({ state: 'pending', search: 'CS-7', page: 1 });
  });
});
