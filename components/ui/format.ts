/** Dates as people in a B2B back office read them: unambiguous, UTC, to the minute. */
export function formatDateTime(value: Date | null | undefined): string {
  if (!value) return '—';
  return `${value.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
