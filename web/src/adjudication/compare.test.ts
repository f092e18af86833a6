import { describe, expect, it } from 'vitest';
import { compareAnswers } from './compare.ts';

const iface = {
  questions: [
    { name: 'topic', type: 'choice' as const, options: ['a', 'b'] },
    { name: 'why', type: 'text' as const, label: 'Why' },
  ],
};

describe('compareAnswers', () => {
  it('marks the answers that differ from the most common one and diffs text word by word', () => {
    const rows = compareAnswers(iface as never, [
      { annotator: 'x', answers: { topic: 'a', why: 'the sum is even' } },
      { annotator: 'y', answers: { topic: 'b', why: 'the sum is odd' } },
      { annotator: 'z', answers: { topic: 'a', why: 'the sum is even' } },
    ]);
    const [topic, why] = rows;
    expect(topic?.agree).toBe(false);
    expect(topic?.cells.map((c) => c.differs)).toEqual([false, true, false]);
    expect(why?.label).toBe('Why');
    expect(why?.cells[0]?.diff).toBeNull();
    expect(why?.cells[2]?.diff).toBeNull();
    const parts = why?.cells[1]?.diff ?? [];
    expect(parts.filter((p) => p.kind === 'removed').map((p) => 'text' in p && p.text.trim())).toEqual([
      'even',
    ]);
    expect(parts.filter((p) => p.kind === 'added').map((p) => 'text' in p && p.text.trim())).toEqual(['odd']);
  });

  it('says everyone agrees when the answers are equal whatever their key order', () => {
    const pair = { questions: [{ name: 'p', type: 'pairwise' as const }] };
    const [p] = compareAnswers(pair as never, [
      { annotator: 'x', answers: { p: { preferred: 'r1', strength: 2 } } },
      { annotator: 'y', answers: { p: { strength: 2, preferred: 'r1' } } },
    ]);
    expect(p?.agree).toBe(true);
    expect(p?.cells.every((c) => !c.differs && c.diff === null)).toBe(true);
  });
});
