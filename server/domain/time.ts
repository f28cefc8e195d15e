const formats = new Map<string, Intl.DateTimeFormat>();

/** One Intl.DateTimeFormat per zone, kept: building one costs far more than using it. */
function timestampFormat(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** Whether `timeZone` is an IANA zone this runtime knows ("Europe/Berlin"), so a stored one never throws. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    timestampFormat(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * "Nov 23, 2026, 11:42 AM GMT+1": a moment in the reader's zone, to the minute, with the zone named
 * so a time forwarded to a colleague elsewhere stays unambiguous. An unknown or missing zone reads UTC.
 */
export function formatTimestamp(at: Date, timeZone: string | null = 'UTC'): string {
  const zone = timeZone && isKnownTimeZone(timeZone) ? timeZone : 'UTC';
  return timestampFormat(zone).format(at);
}
