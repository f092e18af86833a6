import { describe, expect, it } from 'vitest';
import { AgreementBuilder } from './agreement.ts';
import { AgreementByDay, utcDay } from './agreement-by-day.ts';

const iface = {
  questions: [
    { name: 'topic', type: 'choice', options: ['a', 'b'] },
    { name: 'note', type: 'text' },
  ],
} as never;
const item = (...topics: string[]) => topics.map((topic, i) => ({ annotator: `w${i}`, answers: { topic } }));

describe('AgreementByDay', () => {
  it('computes each day over its own items, in day order, and gives free text no series', () => {
    const byDay = new AgreementByDay(iface);
    const days: [string, ReturnType<typeof item>][] = [
      ['2026-01-06', item('a', 'a', 'b')],
      ['2026-01-05', item('a', 'b')],
      ['2026-01-06', item('b', 'b', 'a')],
    ];
    for (const [i, [day, annotations]] of days.entries()) byDay.addItem(i, day, annotations);
    const alone = new AgreementBuilder(iface);
    alone.addItem(0, item('a', 'a', 'b'));
    alone.addItem(2, item('b', 'b', 'a'));
    const [topic, ...rest] = byDay.result();
    expect(rest).toEqual([]);
    expect(topic!.coefficient).toBe('alpha nominal');
    expect(topic!.points.map((p) => [p.day, p.items])).toEqual([
      ['2026-01-05', 1],
      ['2026-01-06', 2],
    ]);
    expect(topic!.points[1]!.value).toBeCloseTo(-1 / 9, 12);
    expect(topic!.points[1]!.value).toBe(alone.result().questions.topic!.krippendorffAlpha!.nominal);
  });

  it('names a time by its UTC day', () => {
    expect(utcDay(Date.UTC(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    expect(utcDay(Date.UTC(2026, 0, 6))).toBe('2026-01-06');
  });
});
