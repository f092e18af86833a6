import { describe, expect, it } from 'vitest';
import { AgreementBuilder } from './agreement.ts';
import { mainCoefficient } from './main-coefficient.ts';

const iface = {
  questions: [
    { name: 'topic', type: 'choice', options: ['a', 'b'] },
    { name: 'level', type: 'rating', min: 1, max: 3 },
    { name: 'tags', type: 'multi_choice', options: ['x', 'y'] },
    { name: 'note', type: 'text' },
  ],
} as never;

describe('mainCoefficient', () => {
  const builder = new AgreementBuilder(iface);
  const rows: [string, number, string[]][][] = [
    [
      ['a', 1, ['x']],
      ['a', 1, ['x']],
    ],
    [
      ['b', 3, ['y']],
      ['b', 2, ['x', 'y']],
    ],
    [
      ['a', 2, []],
      ['b', 2, ['x']],
    ],
  ];
  for (const [i, item] of rows.entries())
    builder.addItem(
      i,
      item.map(([topic, level, tags], k) => ({
        annotator: `w${k}`,
        answers: { topic, level, tags, note: 't' },
      })),
    );
  const report = builder.result();

  it('takes alpha at the natural level of the kind', () => {
    expect(mainCoefficient(report.questions.topic!)).toEqual({
      name: 'alpha nominal',
      value: report.questions.topic!.krippendorffAlpha!.nominal,
    });
    expect(mainCoefficient(report.questions.level!)).toEqual({
      name: 'alpha ordinal',
      value: report.questions.level!.krippendorffAlpha!.ordinal,
    });
  });

  it('averages the options’ alphas that are defined, and skips free text', () => {
    const options = Object.values(report.questions.tags!.options!).map((o) => o.krippendorffAlpha.nominal);
    const defined = options.filter((v): v is number => typeof v === 'number');
    expect(defined.length).toBeGreaterThan(0);
    const main = mainCoefficient(report.questions.tags!);
    expect(main?.name).toBe('mean alpha over options');
    expect(main?.value).toBeCloseTo(defined.reduce((s, v) => s + v, 0) / defined.length, 12);
    expect(mainCoefficient(report.questions.note!)).toBeUndefined();
  });
});
