/** "2026-11-23 10:42 UTC": a moment as people in a B2B back office read it — unambiguous, UTC, to the minute. */
export function formatTimestamp(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
