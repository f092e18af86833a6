import { describe, expect, it } from 'vitest';
import {
  amountCents,
  DAY_MS,
  type DayCount,
  dateOfDay,
  dayOfDate,
  formatCents,
  formatMinutes,
  mergeCounts,
  parseCents,
} from './worklog.ts';

describe('work log arithmetic', () => {
  it('reads calendar dates as UTC days and back', () => {
    expect(dayOfDate('1970-01-01')).toBe(0);
    expect(dayOfDate('2026-12-07')).toBe(Date.UTC(2026, 11, 7) / DAY_MS);
    expect(dateOfDay(dayOfDate('2024-02-29')!)).toBe('2024-02-29');
    for (const bad of ['2026-02-30', '2026-13-01', '26-01-01', '2026-1-1', '2026-01-01T00:00Z', ''])
      expect(dayOfDate(bad)).toBeNull();
  });

  it('pays per item for the items submitted, whatever the time', () => {
    const pay = { unit: 'item' as const, rateCents: 125, currency: 'EUR' };
    expect(amountCents(pay, { submitted: 7, activeMs: 3_600_000 })).toBe(875);
    expect(amountCents(pay, { submitted: 0, activeMs: 99_999 })).toBe(0);
  });

  it('pays per hour of active time, rounded half up to the cent once', () => {
    const pay = { unit: 'hour' as const, rateCents: 3000, currency: 'USD' };
    expect(amountCents(pay, { submitted: 1, activeMs: 3_600_000 })).toBe(3000);
    expect(amountCents(pay, { submitted: 1, activeMs: 90 * 60_000 })).toBe(4500);
    // 3000 cents/h × 1 s = 0.8333… cents → 1; 600 ms = 0.5 cents exactly → 1 (half up); 599 ms → 0.
    expect(amountCents(pay, { submitted: 0, activeMs: 1000 })).toBe(1);
    expect(amountCents(pay, { submitted: 0, activeMs: 600 })).toBe(1);
    expect(amountCents(pay, { submitted: 0, activeMs: 599 })).toBe(0);
    // A big rate and a long day stay exact integers.
    const big = { unit: 'hour' as const, rateCents: 99_999_999, currency: 'JPY' };
    expect(amountCents(big, { submitted: 0, activeMs: DAY_MS })).toBe(99_999_999 * 24);
    expect(amountCents(null, { submitted: 3, activeMs: 5 })).toBeNull();
  });

  it('writes cents and minutes as two-place decimals without floats', () => {
    expect(formatCents(0)).toBe('0.00');
    expect(formatCents(5)).toBe('0.05');
    expect(formatCents(1234)).toBe('12.34');
    expect(formatCents(100_000_000_01)).toBe('100000000.01');
    expect(formatMinutes(90_000)).toBe('1.50');
    expect(formatMinutes(299)).toBe('0.00');
    expect(formatMinutes(300)).toBe('0.01');
    expect(formatMinutes(0)).toBe('0.00');
  });

  it('reads decimal text as cents without floats, and nothing else', () => {
    expect(parseCents('25.5')).toBe(2550);
    expect(parseCents(' 0.07 ')).toBe(7);
    expect(parseCents('19.99')).toBe(1999);
    expect(parseCents('1000000')).toBe(100_000_000);
    for (const bad of ['', '1.234', '-1', '1e3', '1,50', '.5', 'abc', '12345678'])
      expect(parseCents(bad)).toBeNull();
  });
});

describe('merging the counts into cells', () => {
  const count = (day: number, userId: number, projectId: number, n: number, leadMs = 0): DayCount => ({
    day,
    userId,
    projectId,
    n,
    leadMs,
  });

  it("makes one cell per day, person and project, keeping every count and only the submissions' time", () => {
    const submitted = [count(1, 7, 1, 2, 5000), count(2, 7, 1, 1, 100), count(1, 8, 2, 3, 9)];
    // A review's or rework's lead time is never active time: only the submissions carry it.
    const reviewed = [count(1, 7, 1, 4, 999_999), count(1, 9, 1, 5)];
    const rework = [count(2, 7, 1, 1, 999_999)];
    const cells = mergeCounts({ submitted, reviewed, rework });
    const key = (c: { day: number; userId: number; projectId: number }) =>
      `${c.day}:${c.userId}:${c.projectId}`;
    expect(new Map(cells.map((c) => [key(c), c]))).toEqual(
      new Map([
        ['1:7:1', { day: 1, userId: 7, projectId: 1, submitted: 2, reviewed: 4, rework: 0, activeMs: 5000 }],
        ['2:7:1', { day: 2, userId: 7, projectId: 1, submitted: 1, reviewed: 0, rework: 1, activeMs: 100 }],
        ['1:8:2', { day: 1, userId: 8, projectId: 2, submitted: 3, reviewed: 0, rework: 0, activeMs: 9 }],
        ['1:9:1', { day: 1, userId: 9, projectId: 1, submitted: 0, reviewed: 5, rework: 0, activeMs: 0 }],
      ]),
    );
    // Sums both ways equal the inputs' sums.
    const total = (xs: { n: number }[]) => xs.reduce((s, x) => s + x.n, 0);
    expect(cells.reduce((s, c) => s + c.submitted, 0)).toBe(total(submitted));
    expect(cells.reduce((s, c) => s + c.reviewed, 0)).toBe(total(reviewed));
    expect(cells.reduce((s, c) => s + c.rework, 0)).toBe(total(rework));
    expect(mergeCounts({ submitted: [], reviewed: [], rework: [] })).toEqual([]);
  });
});
