const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/i;

/**
 * An ISO 8601 date-time with a time zone, as `toISOString()` (UTC); null when `text` is not one.
 * Checks the calendar itself because `Date.parse` rolls 2026-02-30 over to March.
 */
export function normalizeIsoTime(text: string): string | null {
  const match = ISO_DATE_TIME.exec(text);
  if (!match) return null;
  const [, year, month, day, hour, minute, second] = match;
  const m = Number(month);
  const daysInMonth = new Date(Date.UTC(Number(year), m, 0)).getUTCDate();
  if (m < 1 || m > 12 || Number(day) < 1 || Number(day) > daysInMonth) return null;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second ?? 0) > 59) return null;
  const time = Date.parse(text);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}
