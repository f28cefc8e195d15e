import { describe, expect, it } from 'vitest';
import { absenceDays, addDelegates, delegationState, delegationWindow, type Absence } from './delegation';

const now = new Date('2026-11-23T12:00:00Z');

describe('delegationWindow', () => {
  it('runs from the first day at midnight to the midnight after the last day (UTC)', () => {
    const window = delegationWindow({ startsAt: '2026-12-01', endsAt: '2026-12-05' }, now);
    expect(window).toEqual({
      ok: true,
      startsAt: new Date('2026-12-01T00:00:00Z'),
      endsAt: new Date('2026-12-06T00:00:00Z'),
    });
    if (window.ok) expect(absenceDays(window)).toEqual({ startsAt: '2026-12-01', endsAt: '2026-12-05' });
  });

  it('accepts a single day, and one that started earlier and is still under way', () => {
    expect(delegationWindow({ startsAt: '2026-11-23', endsAt: '2026-11-23' }, now).ok).toBe(true);
    expect(delegationWindow({ startsAt: '2026-11-20', endsAt: '2026-11-24' }, now).ok).toBe(true);
  });

  it.each([
    [{ startsAt: '2026-12-05', endsAt: '2026-12-01' }, 'The last day away cannot be before the first.'],
    [
      { startsAt: '2026-11-01', endsAt: '2026-11-22' },
      'That absence is already over: choose a last day from today on.',
    ],
    [{ startsAt: '2026-12-01', endsAt: '2027-03-01' }, 'An absence can last at most 90 days.'],
  ])('refuses %j', (days, message) => {
    expect(delegationWindow(days, now)).toEqual({ ok: false, field: 'endsAt', message });
  });

  it('allows exactly 90 days', () => {
    expect(delegationWindow({ startsAt: '2026-12-01', endsAt: '2027-02-28' }, now).ok).toBe(true);
  });
});

describe('delegationState', () => {
  const window = { startsAt: new Date('2026-12-01T00:00:00Z'), endsAt: new Date('2026-12-06T00:00:00Z') };
  it.each([
    ['2026-11-30T23:59:59Z', 'upcoming'],
    ['2026-12-01T00:00:00Z', 'active'],
    ['2026-12-05T23:59:59Z', 'active'],
    ['2026-12-06T00:00:00Z', 'ended'],
  ])('at %s it is %s', (at, state) => {
    expect(delegationState(window, new Date(at))).toBe(state);
  });
});

describe('addDelegates', () => {
  const carol = { membershipId: 'carol', name: 'Carol' };
  const ann = { membershipId: 'ann', name: 'Ann' };
  const dana = { membershipId: 'dana', name: 'Dana', mayDecide: true };
  const away = (
    delegate: Absence['delegate'],
    from = '2026-11-20T00:00:00Z',
    to = '2026-11-30T00:00:00Z',
  ): Absence => ({ from: new Date(from), to: new Date(to), delegate });

  it('offers the step to the stand-in of an authorizer away now, on behalf of them', () => {
    expect(addDelegates([carol, ann], new Map([['carol', away(dana)]]), 'rob', now)).toEqual([
      ann,
      carol,
      { membershipId: 'dana', name: 'Dana', onBehalfOf: { membershipId: 'carol', name: 'Carol' } },
    ]);
  });

  it('adds nobody outside the absence, for a stand-in who cannot decide, or who is the requester', () => {
    expect(addDelegates([carol], new Map([['carol', away(dana, '2026-11-24T00:00:00Z')]]), 'rob', now)).toEqual([
      carol,
    ]);
    expect(addDelegates([carol], new Map([['carol', away({ ...dana, mayDecide: false })]]), 'rob', now)).toEqual([
      carol,
    ]);
    expect(addDelegates([carol], new Map([['carol', away(dana)]]), 'dana', now)).toEqual([carol]);
  });

  it('does not add a stand-in already named, and drops stand-ins recorded earlier', () => {
    const stale = { membershipId: 'sam', name: 'Sam', onBehalfOf: { membershipId: 'carol', name: 'Carol' } };
    expect(addDelegates([carol, stale], new Map(), 'rob', now)).toEqual([carol]);
    expect(
      addDelegates([carol, { membershipId: 'dana', name: 'Dana' }], new Map([['carol', away(dana)]]), 'rob', now),
    ).toEqual([carol, { membershipId: 'dana', name: 'Dana' }]);
  });
});
