/**
 * The words of item search, made here once for both stores so they find the same items: SQLite's
 * FTS5 table and PostgreSQL's tsvector column index exactly these words and are asked for exactly
 * these words (docs/data-model.md, "Searching items"). Pure: used by the import, migration 0009
 * and the list route.
 *
 * A word is a run of letters and digits (Unicode), folded: compatibility-decomposed (NFKD), its
 * combining marks dropped, lower-cased, and a few letters without a decomposition spelled out
 * (ß → ss, ø → o…). Everything else (punctuation, spaces, symbols) separates words.
 */

/** Longer words are not indexed (and a query word longer than this finds nothing). */
export const SEARCH_WORD_MAX_LENGTH = 64;
/** An item's first this-many distinct words are indexed; the rest of a very long text is not. */
export const SEARCH_WORDS_PER_ITEM = 10_000;
/** Bounds of the list route's `q`. */
export const SEARCH_QUERY_MAX_LENGTH = 500;
export const SEARCH_QUERY_MAX_WORDS = 16;
/** The last word of `q` matches as a prefix when it has at least this many characters. */
export const SEARCH_PREFIX_MIN_LENGTH = 2;

const FOLDS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
};
const FOLDABLE = /[ßæœøđðłþı]/g;
const MARKS = /\p{M}/gu;
const WORD = /[\p{L}\p{N}]+/gu;
// biome-ignore lint/suspicious/noControlCharactersInRegex: ASCII is the fast path
const ASCII = /^[\x00-\x7f]*$/;

/** The folded words of a text, in order, repeats kept. */
export function searchWords(text: string): string[] {
  let folded = text.toLowerCase();
  if (!ASCII.test(folded)) {
    folded = folded.normalize('NFKD').replace(MARKS, '').toLowerCase().replace(FOLDABLE, (c) => FOLDS[c]!);
  }
  return folded.match(WORD) ?? [];
}

/**
 * What the store indexes for an item: the distinct words of every string value in its data (at
 * any depth; keys are not words) and of its externalId, joined by spaces, bounded by
 * SEARCH_WORDS_PER_ITEM and SEARCH_WORD_MAX_LENGTH.
 */
export function itemSearchText(data: unknown, externalId: string | null): string {
  const seen = new Set<string>();
  const add = (text: string): boolean => {
    for (const w of searchWords(text)) {
      if (w.length > SEARCH_WORD_MAX_LENGTH) continue;
      seen.add(w);
      if (seen.size >= SEARCH_WORDS_PER_ITEM) return false;
    }
    return true;
  };
  const walk = (v: unknown): boolean => {
    if (typeof v === 'string') return add(v);
    if (Array.isArray(v)) return v.every(walk);
    if (v !== null && typeof v === 'object') return Object.values(v).every(walk);
    return true;
  };
  if (externalId === null || add(externalId)) walk(data);
  return [...seen].join(' ');
}

/** A parsed `q`: every word must match; `prefix` says whether the last one may match as a prefix. */
export interface SearchQuery {
  words: string[];
  prefix: boolean;
}

/** `q` as words to find (distinct, in order); null when it holds no word at all. */
export function parseSearchQuery(q: string): SearchQuery | null {
  const words = [...new Set(searchWords(q))];
  const last = words[words.length - 1];
  if (last === undefined) return null;
  return { words, prefix: [...last].length >= SEARCH_PREFIX_MIN_LENGTH };
}
