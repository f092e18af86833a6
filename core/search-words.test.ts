import { describe, expect, it } from 'vitest';
import {
  itemSearchText,
  parseSearchQuery,
  SEARCH_TEXT_MAX_LENGTH,
  SEARCH_WORD_MAX_LENGTH,
  searchWords,
} from './search-words.ts';

describe('search words', () => {
  it('are runs of letters and digits, folded to lower case without accents', () => {
    expect(searchWords('Hello, World! x²+y_2 = 3.14')).toEqual(['hello', 'world', 'x2', 'y', '2', '3', '14']);
    expect(searchWords('Crème BRÛLÉE, naïve Straße; Ørsted Łódź')).toEqual([
      'creme',
      'brulee',
      'naive',
      'strasse',
      'orsted',
      'lodz',
    ]);
    expect(searchWords('ﬁnance Ｆｕｌｌ')).toEqual(['finance', 'full']);
    expect(searchWords('日本語 テキスト')).toEqual(['日本語', 'テキスト']);
    expect(searchWords(' ;!? ')).toEqual([]);
  });

  it('are the same whether the text is folded already or nearly so', () => {
    const long = 'x'.repeat(SEARCH_WORD_MAX_LENGTH + 1);
    expect(itemSearchText({ a: 'tag one', b: ['2 b'] }, null)).toBe('tag one 2 b');
    expect(itemSearchText({ a: ' lead', b: 'trail ', c: 'two  gaps', d: 'Up' }, null)).toBe(
      'lead trail two gaps up',
    );
    expect(itemSearchText({ a: `ok ${long} ok`, b: `${'y'.repeat(SEARCH_WORD_MAX_LENGTH)}` }, null)).toBe(
      `ok ok ${'y'.repeat(SEARCH_WORD_MAX_LENGTH)}`,
    );
    expect(itemSearchText({ a: 'tab\there' }, null)).toBe('tab here');
  });

  it('are the same whether the text is ASCII or not', () => {
    expect(searchWords('Équation du second degré')).toEqual(searchWords('Equation du second degre'));
  });
});

describe("an item's search text", () => {
  it('holds the words of every string in its data, at any depth, and of its externalId', () => {
    const data = { text: 'Alpha beta', nested: { list: ['Gamma', 7, true, null, { deep: 'Delta' }] } };
    expect(itemSearchText(data, 'doc-1')).toBe('doc 1 alpha beta gamma delta');
    expect(itemSearchText({ a: '' }, null)).toBe('');
  });

  it('leaves out words over the length limit and stops at the text limit', () => {
    const long = 'x'.repeat(SEARCH_WORD_MAX_LENGTH + 1);
    expect(itemSearchText({ t: `keep ${long} this` }, null)).toBe('keep this');
    const text = itemSearchText({ t: 'word '.repeat(SEARCH_TEXT_MAX_LENGTH) }, null);
    expect(text.length).toBeLessThanOrEqual(SEARCH_TEXT_MAX_LENGTH);
    expect(text.split(' ').every((w) => w === 'word')).toBe(true);
  });
});

describe('a search query', () => {
  it('is its distinct words, the last a prefix from two characters', () => {
    expect(parseSearchQuery('Hello hello wor')).toEqual({ words: ['hello', 'wor'], prefix: true });
    expect(parseSearchQuery('hello w')).toEqual({ words: ['hello', 'w'], prefix: false });
    expect(parseSearchQuery('...')).toBeNull();
  });
});
