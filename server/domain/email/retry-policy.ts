/** When a failed send is tried again: 30 s, 1 min, 2 min … capped at one hour, then given up. */
export const MAX_SEND_ATTEMPTS = 8;

export function nextAttemptAt(attempts: number, now: Date): Date {
  const delayMs = Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 60 * 60_000);
  return new Date(now.getTime() + delayMs);
}

export function shouldGiveUp(attempts: number): boolean {
  return attempts >= MAX_SEND_ATTEMPTS;
}
