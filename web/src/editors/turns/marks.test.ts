import { describe, expect, it } from 'vitest';
import {
  assistantIndexes,
  excerpt,
  markOf,
  markSummary,
  ratedCount,
  toggleFlag,
  updateMark,
} from './marks.ts';

describe('per-turn marks', () => {
  it('ask about the assistant turns only, by their index in the conversation', () => {
    const chat = [
      { role: 'system', content: 's' },
      { role: 'user', content: 'u' },
      { role: 'assistant', content: 'a' },
      { role: 'user', content: 'u' },
      { role: 'assistant', content: 'a' },
    ];
    expect(assistantIndexes(chat)).toEqual([2, 4]);
    expect(assistantIndexes('not a chat')).toEqual([]);
  });

  it('keep marks sorted by turn and merge the parts of one turn', () => {
    let v = updateMark(undefined, 4, { rating: 2 });
    v = updateMark(v ?? undefined, 2, { flags: ['unsafe'] });
    v = updateMark(v ?? undefined, 4, { rewrite: 'Better.' });
    expect(v).toEqual({
      turns: [
        { turn: 2, flags: ['unsafe'] },
        { turn: 4, rating: 2, rewrite: 'Better.' },
      ],
    });
    expect(markOf(v ?? undefined, 4)?.rating).toBe(2);
    expect(ratedCount(v ?? undefined)).toBe(1);
  });

  it('drop a part when emptied, a mark when nothing is left, the answer when no mark is', () => {
    let v = updateMark(undefined, 2, { rating: 3, rewrite: 'x' });
    v = updateMark(v ?? undefined, 2, { rewrite: '' });
    expect(v).toEqual({ turns: [{ turn: 2, rating: 3 }] });
    expect(updateMark(v ?? undefined, 2, { rating: null })).toBeNull();
    expect(updateMark(undefined, 2, { flags: [] })).toBeNull();
  });

  it("toggle flags in the question's order", () => {
    const all = ['unsafe', 'wrong', 'rude'];
    expect(toggleFlag(undefined, all, 'rude')).toEqual(['rude']);
    expect(toggleFlag(['rude'], all, 'unsafe')).toEqual(['unsafe', 'rude']);
    expect(toggleFlag(['unsafe', 'rude'], all, 'unsafe')).toEqual(['rude']);
  });

  it('cut a long reply to its first words on one line', () => {
    expect(excerpt('short\n\nreply')).toBe('short reply');
    const long = excerpt('word '.repeat(100), 20);
    expect(long.endsWith('…')).toBe(true);
    expect(long.length).toBeLessThanOrEqual(21);
  });

  it('sum a mark up in a few words', () => {
    expect(markSummary({ turn: 2, rating: 4, flags: ['a', 'b'], rewrite: 'x' })).toBe(
      'rated 4, 2 flags, rewritten',
    );
    expect(markSummary({ turn: 2, flags: ['a'] })).toBe('1 flag');
  });
});
