import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DiffPart, elide, wordDiff } from './word-diff.ts';

const text = (parts: readonly DiffPart[], side: 'old' | 'new') =>
  parts
    .map((p) => (p.kind === 'elided' || p.kind === (side === 'old' ? 'added' : 'removed') ? '' : p.text))
    .join('');

describe('word diff', () => {
  it('shows a replaced word as a deletion and an insertion, words whole', () => {
    const d = wordDiff('The answer is 1000 exactly.', 'The answer is 1024 exactly.');
    expect(d.parts).toEqual([
      { kind: 'same', text: 'The answer is ' },
      { kind: 'removed', text: '1000' },
      { kind: 'added', text: '1024' },
      { kind: 'same', text: ' exactly.' },
    ]);
    expect([d.inserted, d.deleted, d.coarse]).toEqual([1, 1, false]);
  });

  it('finds insertions and deletions in the middle of a long text', () => {
    const words = Array.from({ length: 4000 }, (_, i) => `w${i}`);
    const edited = [...words];
    edited.splice(2000, 1, 'changed', 'here');
    edited.splice(10, 1);
    const d = wordDiff(words.join(' '), edited.join(' '));
    expect(d.inserted).toBe(2);
    expect(d.deleted).toBe(2);
    expect(text(d.parts, 'new')).toBe(edited.join(' '));
  });

  it('is all same for equal texts, all added from nothing', () => {
    expect(wordDiff('a b', 'a b').parts).toEqual([{ kind: 'same', text: 'a b' }]);
    expect(wordDiff('', 'new text').parts).toEqual([{ kind: 'added', text: 'new text' }]);
    expect(wordDiff('old text', '').parts).toEqual([{ kind: 'removed', text: 'old text' }]);
  });

  it('falls back to a whole-middle replacement when the budget runs out', () => {
    const d = wordDiff('one two three four', 'one five six four', 0);
    expect(text(d.parts, 'old')).toBe('one two three four');
    expect(text(d.parts, 'new')).toBe('one five six four');
  });

  // jsdiff's word diff ignores whitespace: unchanged runs carry the new text's spacing.
  it('always rebuilds the new text exactly, and the old one but for its spacing', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', 'cc', ' ', '\n', '.', 'é'), { maxLength: 40 }),
        fc.array(fc.constantFrom('a', 'b', 'cc', ' ', '\n', '.', 'é'), { maxLength: 40 }),
        (x, y) => {
          const d = wordDiff(x.join(''), y.join(''));
          const words = (s: string) => s.replace(/\s+/g, '');
          expect(words(text(d.parts, 'old'))).toBe(words(x.join('')));
          expect(text(d.parts, 'new')).toBe(y.join(''));
        },
      ),
    );
  });

  it('elides long unchanged runs and keeps context around changes', () => {
    const words = Array.from({ length: 300 }, (_, i) => `w${i}`);
    const edited = words.map((w) => (w === 'w150' ? 'NEW' : w));
    const parts = elide(wordDiff(words.join(' '), edited.join(' ')).parts, 10);
    expect(parts[0]).toEqual({ kind: 'elided', words: 140 });
    expect(parts.filter((p) => p.kind === 'elided').length).toBe(2);
    expect(parts.some((p) => p.kind === 'added' && p.text === 'NEW')).toBe(true);
    expect(elide([{ kind: 'same', text: 'short text' }])).toEqual([{ kind: 'same', text: 'short text' }]);
  });
});
