/**
 * The work log's arithmetic (docs/worklog.md): UTC days, active minutes and pay amounts, all in
 * integers. Money is integer minor units (cents) end to end; the CSV writes them as decimal text.
 */

export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export type PayUnit = 'hour' | 'item';
export interface PayRate {
  unit: PayUnit;
  /** The rate in the currency's minor units (cents) per hour or per item. */
  rateCents: number;
  /** ISO 4217 code, such as EUR. */
  currency: string;
}

/** A date `YYYY-MM-DD` as whole days since the epoch (UTC); null when it is no calendar date. */
export function dayOfDate(date: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const ms = Date.parse(`${date}T00:00:00.000Z`);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) return null;
  return ms / DAY_MS;
}

/** Whole days since the epoch as `YYYY-MM-DD` (UTC). */
export const dateOfDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** `a / b` rounded half up, for non-negative integers (exact while a < 2^53). */
function divideHalfUp(a: number, b: number): number {
  return Math.floor((2 * a + b) / (2 * b));
}

/**
 * What one row earns, in cents: per item, the rate times the items submitted; per hour, the rate
 * times the active time, rounded half up to the cent once per row. Null without a rate.
 */
export function amountCents(
  pay: PayRate | null,
  work: { submitted: number; activeMs: number },
): number | null {
  if (!pay) return null;
  if (pay.unit === 'item') return pay.rateCents * work.submitted;
  return divideHalfUp(pay.rateCents * work.activeMs, HOUR_MS);
}

/** Cents as decimal text with two places: 1234 → "12.34", 5 → "0.05". */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Active time in minutes with two places, rounded half up: 90_000 ms → "1.50". */
export const formatMinutes = (ms: number): string => formatCents(divideHalfUp(ms, 600));

/** One count (and summed lead time) of one person, project and UTC day, as the store groups it. */
export interface DayCount {
  day: number;
  userId: number;
  projectId: number;
  n: number;
  leadMs: number;
}

/** One cell of the log: a person's work in a project on a day. */
export interface WorkCell {
  day: number;
  userId: number;
  projectId: number;
  submitted: number;
  reviewed: number;
  rework: number;
  activeMs: number;
}

/** The three counts merged into one cell per (day, person, project); active time from the submissions. */
export function mergeCounts(parts: {
  submitted: DayCount[];
  reviewed: DayCount[];
  rework: DayCount[];
}): WorkCell[] {
  const cells = new Map<string, WorkCell>();
  const cell = (c: DayCount): WorkCell => {
    const key = `${c.day}:${c.userId}:${c.projectId}`;
    let out = cells.get(key);
    if (!out) {
      out = {
        day: c.day,
        userId: c.userId,
        projectId: c.projectId,
        submitted: 0,
        reviewed: 0,
        rework: 0,
        activeMs: 0,
      };
      cells.set(key, out);
    }
    return out;
  };
  for (const c of parts.submitted) {
    const out = cell(c);
    out.submitted += c.n;
    out.activeMs += c.leadMs;
  }
  for (const c of parts.reviewed) cell(c).reviewed += c.n;
  for (const c of parts.rework) cell(c).rework += c.n;
  return [...cells.values()];
}

/** Decimal text with at most two places as cents, without floats: "25.5" → 2550; null if it is not one. */
export function parseCents(text: string): number | null {
  const m = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}
