/**
 * When the balance-payments job tries a failed capture again. A card capture usually fails for a
 * reason that passes (issuer unavailable, a limit reset at midnight), so the first retries come
 * soon and later ones wait longer, up to once a day; it never gives up on its own — staff see the
 * failure on the order list and can retry at once or cancel the debt with the customer.
 */
export const CAPTURE_RETRY_DELAYS_MINUTES = [15, 60, 4 * 60, 12 * 60, 24 * 60] as const;

/** The moment of the next try after `attempts` failed captures (1 = the first one just failed). */
export function nextCaptureAttemptAt(attempts: number, now: Date): Date {
  const index = Math.min(Math.max(attempts, 1), CAPTURE_RETRY_DELAYS_MINUTES.length) - 1;
  const minutes = CAPTURE_RETRY_DELAYS_MINUTES[index] ?? 24 * 60;
  return new Date(now.getTime() + minutes * 60_000);
}

/** Whether a shipped order's capture may be tried now: never tried yet, or its back-off has passed. */
export function captureIsDue(order: { captureNextAt: Date | null }, now: Date): boolean {
  return order.captureNextAt === null || order.captureNextAt.getTime() <= now.getTime();
}
