import { describe, expect, it } from 'vitest';
import {
  reminderClockStart,
  escalateStep,
  escalationDue,
  lastNoticeOf,
  mayRemindAgain,
  ordersToRemind,
  REMINDER_LIST_LIMIT,
  reminderDue,
  reminderList,
  waitingHours,
  type WaitingOrder,
} from './reminders';

const settings = { reminderHours: 24, escalationDays: 3 };
const now = new Date('2026-11-23T12:00:00Z');
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);

describe('reminderDue', () => {
  it.each([
    [23, false],
    [24, false],
    [24.01, true],
    [72, true],
  ])('a step pending for %s hours is due a reminder: %s', (hours, due) => {
    expect(reminderDue(hoursAgo(hours), now, settings)).toBe(due);
  });

  it('follows the configured interval', () => {
    expect(reminderDue(hoursAgo(5), now, { ...settings, reminderHours: 4 })).toBe(true);
  });
});

describe('mayRemindAgain', () => {
  it.each([
    ['never reminded', null, true],
    ['reminded an hour ago', hoursAgo(1), false],
    ['reminded 23 hours ago', hoursAgo(23), false],
    ['reminded exactly one interval ago', hoursAgo(24), true],
    ['reminded two days ago', hoursAgo(48), true],
  ])('%s → %s', (_label, last, may) => {
    expect(mayRemindAgain(last, now, settings)).toBe(may);
  });
});

describe('escalationDue', () => {
  const step = { status: 'pending', pendingSince: hoursAgo(3 * 24 + 1), escalatedAt: null };

  it('escalates a step pending longer than the period, once', () => {
    expect(escalationDue(step, now, settings)).toBe(true);
    expect(escalationDue({ ...step, escalatedAt: hoursAgo(1) }, now, settings)).toBe(false);
  });

  it('leaves steps within the period, decided steps and steps still waiting for an earlier tier', () => {
    expect(escalationDue({ ...step, pendingSince: hoursAgo(3 * 24 - 1) }, now, settings)).toBe(false);
    expect(escalationDue({ ...step, status: 'approved' }, now, settings)).toBe(false);
    expect(escalationDue({ ...step, status: 'waiting', pendingSince: null }, now, settings)).toBe(false);
  });
});

describe('escalateStep', () => {
  const carol = { membershipId: 'carol', name: 'Carol' };
  const max = { membershipId: 'max', name: 'Max Manager' };
  const mia = { membershipId: 'mia', name: 'Mia Manager' };

  it('adds the account managers, marks the step overdue and says who was added', () => {
    expect(escalateStep({ authorizers: [carol], escalated: null }, [max, mia], 'rob')).toEqual({
      authorizers: [carol, max, mia],
      added: [max, mia],
      escalated: 'overdue',
    });
  });

  it('never adds the requester, nor anyone already named', () => {
    expect(escalateStep({ authorizers: [carol, max], escalated: null }, [max, mia, mia], 'mia')).toEqual({
      authorizers: [carol, max],
      added: [],
      escalated: null,
    });
  });

  it('keeps the reason of a step the account managers already had', () => {
    expect(escalateStep({ authorizers: [max], escalated: 'self' }, [max, mia], 'rob')).toMatchObject({
      added: [mia],
      escalated: 'self',
    });
  });
});

describe('reminderList', () => {
  it('lists the longest waiting first, in whole hours', () => {
    const list = reminderList(
      [
        { number: 'CS-2', requesterName: 'Rob', pendingSince: hoursAgo(25.5), escalated: false },
        { number: 'CS-1', requesterName: 'Rae', pendingSince: hoursAgo(80), escalated: true },
      ],
      now,
    );
    expect(list).toEqual({
      lines: [
        { number: 'CS-1', requesterName: 'Rae', waitingHours: 80, escalated: true },
        { number: 'CS-2', requesterName: 'Rob', waitingHours: 25, escalated: false },
      ],
      total: 2,
    });
  });

  it('names only the longest waiting orders of a long list, and counts them all', () => {
    const orders = Array.from({ length: REMINDER_LIST_LIMIT + 3 }, (_, index) => ({
      number: `CS-${1000 + index}`,
      requesterName: 'Rob',
      pendingSince: hoursAgo(30 + index),
      escalated: false,
    }));
    const list = reminderList(orders, now);
    expect(list.total).toBe(REMINDER_LIST_LIMIT + 3);
    expect(list.lines).toHaveLength(REMINDER_LIST_LIMIT);
    expect(list.lines[0]).toMatchObject({
      number: `CS-${1000 + REMINDER_LIST_LIMIT + 2}`,
      waitingHours: 30 + REMINDER_LIST_LIMIT + 2,
    });
    expect(list.lines.map((line) => line.number)).not.toContain('CS-1000');
  });

  it('never counts negative hours', () => {
    expect(waitingHours(new Date(now.getTime() + 60_000), now)).toBe(0);
  });
});

describe('ordersToRemind', () => {
  const waiting = (overrides: Partial<WaitingOrder> = {}): WaitingOrder => ({
    number: 'CS-1',
    requesterName: 'Rob',
    pendingSince: hoursAgo(80),
    escalated: false,
    escalatedAt: null,
    stillWaiting: true,
    ...overrides,
  });
  const escalated = (hours: number) => waiting({ escalated: true, escalatedAt: hoursAgo(hours) });

  it.each<[string, WaitingOrder, boolean, { escalated: boolean } | null]>([
    ['an order pending longer than the interval', waiting(), false, { escalated: false }],
    ['an order pending within the interval', waiting({ pendingSince: hoursAgo(23) }), false, null],
    ['an order that no longer waits', waiting({ stillWaiting: false }), false, null],
    ['to an account manager, an order offered by escalation within the interval', escalated(1), true, null],
    ['to an account manager, an order offered by escalation 23 hours ago', escalated(23), true, null],
    ['to an account manager, an order offered by escalation longer ago', escalated(25), true, { escalated: true }],
    // The escalation email went to the managers, not to the authorizers the step named.
    ['to a named authorizer, an escalated order', escalated(1), false, { escalated: false }],
    ['to an account manager, an order that never escalated', waiting(), true, { escalated: false }],
  ])('%s', (_, order, isAccountManager, expected) => {
    const listed = ordersToRemind([order], isAccountManager, now, settings);
    expect(listed).toEqual(
      expected ? [{ number: 'CS-1', requesterName: 'Rob', pendingSince: order.pendingSince, ...expected }] : [],
    );
  });

  it('keeps the orders still due and drops the others', () => {
    const listed = ordersToRemind(
      [
        waiting({ number: 'CS-1' }),
        waiting({ number: 'CS-2', stillWaiting: false }),
        { ...escalated(2), number: 'CS-3' },
      ],
      true,
      now,
      settings,
    );
    expect(listed.map((order) => order.number)).toEqual(['CS-1']);
  });
});

describe('lastNoticeOf', () => {
  it.each<[string, Date | null, boolean, Date]>([
    ['a named authorizer heard when the step became pending', hoursAgo(2), false, hoursAgo(80)],
    ['an account manager heard by the escalation email', hoursAgo(2), true, hoursAgo(2)],
    ['an account manager of a step that never escalated heard when it became pending', null, true, hoursAgo(80)],
  ])('%s', (_, escalatedAt, isAccountManager, expected) => {
    expect(lastNoticeOf({ pendingSince: hoursAgo(80), escalatedAt }, isAccountManager)).toEqual(expected);
  });
});

describe('when a reminder skips a step with an open question', () => {
  const pendingSince = new Date('2026-11-20T09:00:00Z');
  const answeredAt = new Date('2026-11-22T15:00:00Z');
  it.each<[string, { open: boolean; lastAnsweredAt: Date | null }, Date | null]>([
    ['no question: from when it became pending', { open: false, lastAnsweredAt: null }, pendingSince],
    ['an open question: skipped', { open: true, lastAnsweredAt: null }, null],
    ['a second question open after an answer: skipped', { open: true, lastAnsweredAt: answeredAt }, null],
    ['answered: from the answer', { open: false, lastAnsweredAt: answeredAt }, answeredAt],
    [
      'answered before it became pending again (a canceled decision): from pending',
      { open: false, lastAnsweredAt: new Date('2026-11-19T00:00:00Z') },
      pendingSince,
    ],
  ])('%s', (_, questions, expected) => {
    expect(reminderClockStart(pendingSince, questions)).toEqual(expected);
  });
});
