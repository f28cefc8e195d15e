const DAY_MS = 24 * 3600_000;

/**
 * Experlogix's rule: a sign-in after more than N days without activity must be re-verified by
 * email. Decided at sign-in only — no sweep. Someone who never signed in is not "inactive".
 */
export function needsReverification(lastActiveAt: Date | null, now: Date, afterDays: number): boolean {
  if (!lastActiveAt) return false;
  return now.getTime() - lastActiveAt.getTime() > afterDays * DAY_MS;
}

/** A fresh re-verification link is not sent again within this time, however often they try. */
export const REVERIFY_RESEND_INTERVAL_MS = 15 * 60_000;
