import { formatTimestamp } from '@/server/domain/time';

/** Dates as people in a B2B back office read them (see formatTimestamp); a missing date is a dash. */
export function formatDateTime(value: Date | null | undefined): string {
  if (!value) return '—';
  return formatTimestamp(value);
}
