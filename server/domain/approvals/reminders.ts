/**
 * Reminders and escalation of approval steps that wait too long: who is due a reminder, which
 * steps go to the account managers, and what a reminder lists. Pure; the time comes from the caller.
 */
import type { Authorizer } from './evaluate';

/** How long a step may wait before its authorizers are reminded (and how often), and before it escalates. */
export type ReminderSettings = { reminderHours: number; escalationDays: number };

/** What the `escalated` column of a step says when the account managers got it for waiting too long. */
export const OVERDUE = 'overdue';

const HOUR_MS = 3_600_000;

/**
 * Steps pending since before this instant have waited longer than the reminder interval; an
 * authorizer last reminded at or before it may be reminded again.
 */
export function reminderCutoff(now: Date, settings: ReminderSettings): Date {
  return new Date(now.getTime() - settings.reminderHours * HOUR_MS);
}

/** Steps pending since before this instant have waited longer than the escalation period. */
export function escalationCutoff(now: Date, settings: ReminderSettings): Date {
  return new Date(now.getTime() - settings.escalationDays * 24 * HOUR_MS);
}

/** Whether a step pending since then has waited longer than the reminder interval. */
export function reminderDue(pendingSince: Date, now: Date, settings: ReminderSettings): boolean {
  return pendingSince < reminderCutoff(now, settings);
}

/** Whether an authorizer may be reminded now: never before, or not within the last interval. */
export function mayRemindAgain(lastRemindedAt: Date | null, now: Date, settings: ReminderSettings): boolean {
  return lastRemindedAt === null || lastRemindedAt <= reminderCutoff(now, settings);
}

/** A step as escalation sees it. */
export type EscalationCandidate = { status: string; pendingSince: Date | null; escalatedAt: Date | null };

/** Whether a step goes to the account managers now: pending longer than the escalation period, and not escalated yet. */
export function escalationDue(step: EscalationCandidate, now: Date, settings: ReminderSettings): boolean {
  return (
    step.status === 'pending' &&
    step.escalatedAt === null &&
    step.pendingSince !== null &&
    step.pendingSince < escalationCutoff(now, settings)
  );
}

/**
 * The authorizers of an overdue step with the organization's account managers added (never the
 * requester, nobody twice), and who was added: they are the ones to tell. The step's reason stays
 * when it already went to the account managers ('self', 'none'); otherwise it becomes 'overdue'
 * once somebody was added.
 */
export function escalateStep(
  step: { authorizers: readonly Authorizer[]; escalated: string | null },
  managers: readonly Authorizer[],
  requesterMembershipId: string,
): { authorizers: Authorizer[]; added: Authorizer[]; escalated: string | null } {
  const named = new Set(step.authorizers.map((person) => person.membershipId));
  const added = managers.filter(
    (manager) => manager.membershipId !== requesterMembershipId && !named.has(manager.membershipId),
  );
  const unique = [
    ...new Map(
      added.map((manager) => [manager.membershipId, { membershipId: manager.membershipId, name: manager.name }]),
    ).values(),
  ];
  return {
    authorizers: [...step.authorizers, ...unique],
    added: unique,
    escalated: step.escalated ?? (unique.length > 0 ? OVERDUE : null),
  };
}

/** Whole hours since the step became pending, as a reminder says it. */
export function waitingHours(pendingSince: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - pendingSince.getTime()) / HOUR_MS));
}

export type OverdueOrder = { number: string; requesterName: string; pendingSince: Date; escalated: boolean };

export type ReminderLine = { number: string; requesterName: string; waitingHours: number; escalated: boolean };

/**
 * At most this many orders are named in one reminder. Someone with thousands waiting needs the
 * oldest few and the count, not an email thousands of lines long; the inbox has them all.
 */
export const REMINDER_LIST_LIMIT = 25;

/** What one reminder says: the longest waiting of the authorizer's overdue orders, oldest first, and how many there are. */
export function reminderList(
  orders: readonly OverdueOrder[],
  now: Date,
  limit = REMINDER_LIST_LIMIT,
): { lines: ReminderLine[]; total: number } {
  const lines = [...orders]
    .sort((a, b) => a.pendingSince.getTime() - b.pendingSince.getTime() || a.number.localeCompare(b.number))
    .slice(0, limit)
    .map((order) => ({
      number: order.number,
      requesterName: order.requesterName,
      waitingHours: waitingHours(order.pendingSince, now),
      escalated: order.escalated,
    }));
  return { lines, total: orders.length };
}

/** An order waiting in an authorizer's inbox, as the reminder run finds it. */
export type WaitingOrder = OverdueOrder & {
  /** When its step was offered to the account managers for waiting too long, if it was. */
  escalatedAt: Date | null;
  /** Whether the order still waits for approval right now. */
  stillWaiting: boolean;
};

/**
 * When the person last heard of the order: an account manager it reached by escalation was told
 * by the escalation email; every other authorizer when the step became pending.
 */
export function lastNoticeOf(order: Pick<WaitingOrder, 'pendingSince' | 'escalatedAt'>, isAccountManager: boolean) {
  return isAccountManager && order.escalatedAt && order.escalatedAt > order.pendingSince
    ? order.escalatedAt
    : order.pendingSince;
}

/**
 * The orders a reminder to this person lists: those still waiting whose last notice to them is
 * older than the interval — one notice per order and person within it. An empty list means no
 * reminder: nobody is emailed about orders that no longer wait, or that they just heard of.
 */
export function ordersToRemind(
  orders: readonly WaitingOrder[],
  isAccountManager: boolean,
  now: Date,
  settings: ReminderSettings,
): OverdueOrder[] {
  return orders
    .filter((order) => order.stillWaiting && reminderDue(lastNoticeOf(order, isAccountManager), now, settings))
    .map(({ number, requesterName, pendingSince, escalated }) => ({
      number,
      requesterName,
      pendingSince,
      // "Offered to you as account manager because it waited too long": the step escalated, and they are one.
      escalated: escalated && isAccountManager,
    }));
}

/** What reminders need to know of the questions on one step. */
export type StepQuestions = { open: boolean; lastAnsweredAt: Date | null };

/**
 * When a step's waiting starts to count for reminders and escalation, or null while a question
 * on it waits for the requester's answer (the step is skipped). After the answer the wait counts
 * from the answer, not from when the step became pending: the authorizer could not decide while
 * waiting for it, and counting from the pending time would remind (or escalate) the moment the
 * requester answered, before the authorizer had a chance to read it.
 */
export function reminderClockStart(pendingSince: Date, questions: StepQuestions): Date | null {
  if (questions.open) return null;
  return questions.lastAnsweredAt && questions.lastAnsweredAt > pendingSince ? questions.lastAnsweredAt : pendingSince;
}
