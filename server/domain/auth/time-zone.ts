import { isKnownTimeZone } from '../time';

/** Longest zone we keep (the column's size); the longest IANA names are about 30 characters. */
export const MAX_TIME_ZONE_LENGTH = 64;

/** Whether a reported value is a zone worth keeping: a string, short enough, and one this runtime knows. */
export function isStorableTimeZone(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_TIME_ZONE_LENGTH && isKnownTimeZone(value);
}

/**
 * The zone to store after the browser reported `reported` at sign-in (or on setting a password),
 * or null to leave the person's zone as it is: a zone they chose in My account outranks whatever
 * browser they sign in from, and a made-up or missing value changes nothing.
 */
export function zoneFromBrowser(
  reported: unknown,
  person: { timeZone: string | null; timeZoneChosenAt: Date | null },
): string | null {
  if (person.timeZoneChosenAt || !isStorableTimeZone(reported)) return null;
  return reported === person.timeZone ? null : reported;
}
