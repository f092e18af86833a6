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
/**
 * An item's words are indexed up to this many characters; the rest of a very long text is not
 * (and the longest tsvector this can make stays well under PostgreSQL's limit of 1 MB).
 */
export const SEARCH_TEXT_MAX_LENGTH = 100_000;
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
const ASCII_GAPS = /[^a-z0-9]+/g;
const GAPS = /[^\p{L}\p{N}]+/gu;
const LONG_WORD = new RegExp(`[^ ]{${SEARCH_WORD_MAX_LENGTH + 1}}`);

/**
 * A text's folded words separated by single spaces, with a space before each (so texts join by
 * concatenation); words longer than SEARCH_WORD_MAX_LENGTH left out.
 *
 * The import runs this on every string of every item, so ASCII text (most of it) takes one scan
 * of char codes, which also says whether a word is too long and whether the text is folded
 * already (then it is the words as it is), else two built-in passes; only other text is normalised.
 */
function foldedText(text: string): string {
  let words: string;
  let longest = 0;
  let run = 0;
  let ascii = true;
  // Already folded: lower-case words separated by single spaces, as tags and labels often are.
  let folded = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) {
      run++;
    } else if (c >= 0x41 && c <= 0x5a) {
      run++;
      folded = false;
    } else {
      if (c !== 32 || run === 0) folded = false;
      if (run > longest) longest = run;
      run = 0;
      if (c >= 0x80) {
        ascii = false;
        break;
      }
    }
  }
  if (run > longest) longest = run;
  if (ascii) {
    if (longest === 0) return '';
    if (folded && run > 0 && longest <= SEARCH_WORD_MAX_LENGTH) return ` ${text}`;
    words = text.toLowerCase().replace(ASCII_GAPS, ' ');
  } else {
    words = text
      .toLowerCase()
      .normalize('NFKD')
      .replace(MARKS, '')
      .toLowerCase()
      .replace(FOLDABLE, (c) => FOLDS[c]!)
      .replace(GAPS, ' ');
    if (LONG_WORD.test(words)) longest = SEARCH_WORD_MAX_LENGTH + 1;
  }
  if (words.charCodeAt(words.length - 1) === 32) words = words.slice(0, -1);
  if (words === '') return '';
  if (words.charCodeAt(0) !== 32) words = ` ${words}`;
  if (longest > SEARCH_WORD_MAX_LENGTH) {
    words = words
      .split(' ')
      .filter((w) => w.length <= SEARCH_WORD_MAX_LENGTH)
      .join(' ');
  }
  return words;
}

/** The folded words of a text, in order, repeats kept. */
export function searchWords(text: string): string[] {
  return foldedText(text)
    .split(' ')
    .filter((w) => w !== '');
}

/**
 * What the store indexes for an item: the words of every string value in its data (at any depth;
 * keys are not words) and of its externalId, separated by spaces, up to SEARCH_TEXT_MAX_LENGTH
 * characters. Repeats are left to the store.
 */
export function itemSearchText(data: unknown, externalId: string | null): string {
  const acc = { out: externalId === null ? '' : foldedText(externalId) };
  addWords(data, acc);
  let out = acc.out;
  if (out.length > SEARCH_TEXT_MAX_LENGTH) {
    // Cut at the last whole word within the bound.
    out = out.slice(0, out.lastIndexOf(' ', SEARCH_TEXT_MAX_LENGTH));
  }
  return out.slice(1);
}

/** Appends the words of every string in `v` to `acc.out`; false once it holds enough. */
function addWords(v: unknown, acc: { out: string }): boolean {
  if (typeof v === 'string') {
    acc.out += foldedText(v);
    return acc.out.length < SEARCH_TEXT_MAX_LENGTH;
  }
  if (typeof v !== 'object' || v === null) return true;
  if (Array.isArray(v)) {
    for (const e of v) if (!addWords(e, acc)) return false;
    return true;
  }
  for (const key in v) if (!addWords((v as Record<string, unknown>)[key], acc)) return false;
  return true;
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
