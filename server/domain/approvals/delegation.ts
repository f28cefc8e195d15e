/**
 * Out of office: an authorizer names a delegate for a range of days; steps arriving meanwhile are
 * also offered to the delegate "on behalf of" them. Pure; days are UTC calendar days, like the
 * inbox's date filters.
 */
import type { Authorizer } from './evaluate';

/** The longest absence one delegation covers. */
export const MAX_DELEGATION_DAYS = 90;

const DAY_MS = 86_400_000;

/** An absence as a person enters it: first and last day away, inclusive ('2026-12-01'). */
export type AbsenceDays = { startsAt: string; endsAt: string };

export type DelegationWindow =
  { ok: true; startsAt: Date; endsAt: Date } | { ok: false; field: 'startsAt' | 'endsAt'; message: string };

const dayStart = (day: string) => new Date(`${day}T00:00:00Z`);

/**
 * The stored window of an absence: from the first day's midnight to the midnight after the last
 * day, so that "from" is inclusive and "to" exclusive, as the approval policy reads it. Refuses a
 * last day before the first, one already past, and an absence longer than the maximum.
 */
export function delegationWindow(days: AbsenceDays, now: Date): DelegationWindow {
  const startsAt = dayStart(days.startsAt);
  const endsAt = new Date(dayStart(days.endsAt).getTime() + DAY_MS);
  if (Number.isNaN(startsAt.getTime()))
    return { ok: false, field: 'startsAt', message: 'Enter the first day you are away.' };
  if (Number.isNaN(endsAt.getTime()))
    return { ok: false, field: 'endsAt', message: 'Enter the last day you are away.' };
  if (endsAt <= startsAt)
    return { ok: false, field: 'endsAt', message: 'The last day away cannot be before the first.' };
  if (endsAt <= now)
    return { ok: false, field: 'endsAt', message: 'That absence is already over: choose a last day from today on.' };
  if (endsAt.getTime() - startsAt.getTime() > MAX_DELEGATION_DAYS * DAY_MS) {
    return { ok: false, field: 'endsAt', message: `An absence can last at most ${MAX_DELEGATION_DAYS} days.` };
  }
  return { ok: true, startsAt, endsAt };
}

/** A stored window as the days a person entered. */
export function absenceDays(window: { startsAt: Date; endsAt: Date }): AbsenceDays {
  return {
    startsAt: window.startsAt.toISOString().slice(0, 10),
    endsAt: new Date(window.endsAt.getTime() - 1).toISOString().slice(0, 10),
  };
}

export type DelegationState = 'upcoming' | 'active' | 'ended';

/** Whether the absence is still to come, under way (steps arriving now go to the delegate too) or over. */
export function delegationState(window: { startsAt: Date; endsAt: Date }, now: Date): DelegationState {
  if (now < window.startsAt) return 'upcoming';
  return now < window.endsAt ? 'active' : 'ended';
}

/** An authorizer's absence as delegation needs it: the window and whether the delegate may decide now. */
export type Absence = { from: Date; to: Date; delegate: { membershipId: string; name: string; mayDecide: boolean } };

const byName = (a: Authorizer, b: Authorizer) =>
  a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || a.membershipId.localeCompare(b.membershipId);

/**
 * The authorizers of a step with the delegates of those away right now, "on behalf of" them —
 * the same rule as the approval policy at submit, applied again when a later tier's turn comes.
 * Delegates recorded earlier are dropped and worked out afresh; a delegate who is the requester,
 * cannot decide, or is already named is not added.
 */
export function addDelegates(
  authorizers: readonly Authorizer[],
  absences: ReadonlyMap<string, Absence>,
  requesterMembershipId: string | null,
  now: Date,
): Authorizer[] {
  const chosen = new Map<string, Authorizer>();
  const named = authorizers.filter((person) => !person.onBehalfOf);
  for (const person of named) chosen.set(person.membershipId, { membershipId: person.membershipId, name: person.name });
  for (const person of named) {
    const away = absences.get(person.membershipId);
    if (!away || !(away.from <= now && now < away.to)) continue;
    const delegate = away.delegate;
    if (!delegate.mayDecide || delegate.membershipId === requesterMembershipId || chosen.has(delegate.membershipId))
      continue;
    chosen.set(delegate.membershipId, {
      membershipId: delegate.membershipId,
      name: delegate.name,
      onBehalfOf: { membershipId: person.membershipId, name: person.name },
    });
  }
  return [...chosen.values()].sort(byName);
}
