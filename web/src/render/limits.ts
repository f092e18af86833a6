/**
 * The bounds on formatting one untrusted text (an item field, a project's guidelines), so that no
 * text can freeze or blank the page. Over a whole-text bound the text is shown as typed, with a
 * notice saying why; over a per-part allowance (formulas, highlighted code, raw HTML) only the
 * later parts are shown as typed and the rest stays formatted. The figures behind each number are
 * in docs/web.md ("Rendering limits"). Pure, so the rules are tested in node.
 */

/** Longer texts are shown as typed: formatting cost grows with length. */
export const MAX_RICH_TEXT_CHARS = 100_000;

/**
 * Deepest nesting of block quotes and list items, and separately of emphasis, strikethrough and
 * links, that is formatted. The parser recurses once per level (3,000 levels overflow the stack)
 * and re-reads a nested block once per enclosing level, so depth multiplies the cost of length.
 */
export const MAX_NESTING = 16;

/**
 * The most a text's Markdown parse may cost, in nanoseconds on the reference machine, as
 * estimated by counting the parser's steps (meter.ts). Ordinary text is estimated at 1–3 ms per
 * 10 kB; runs of unmatched `_`, floods of one-character tokens and deep nesting cost far more,
 * some the square of their length.
 */
export const MAX_PARSE_COST = 60_000_000;

/**
 * Most HTML elements a formatted text may have, its Markdown's, KaTeX's and highlight.js's
 * together (counted before sanitising): sanitising, inserting and laying out cost ~10 µs each.
 */
export const MAX_ELEMENTS = 10_000;

/** Raw HTML tags (written in the text itself) kept as HTML per text; later ones show as typed. */
export const MAX_HTML_TAGS = 2_000;

/**
 * Formulas typeset per text, and elements of typeset maths per text (an ordinary formula is
 * 20–40, a malformed one, shown in red, 1 but as slow as 30); later formulas are shown as their
 * TeX source.
 */
export const MAX_FORMULAS = 200;
export const MAX_MATH_ELEMENTS = 4_000;

/** Longer TeX than this in one formula is shown as source: no formula needs it. */
export const MAX_TEX = 1_000;

/** Characters of fenced code per text that are highlighted; later code is shown plain. */
export const MAX_HIGHLIGHT = 10_000;

/** Why a text is shown as typed rather than formatted. */
export type Unformatted =
  | { reason: 'too-long'; chars: number }
  | { reason: 'too-deep' }
  | { reason: 'too-complex' }
  | { reason: 'failed' }
  | { reason: 'unavailable' };

/** A text formatted as (sanitised, once rich-text.ts is done) HTML, or why it is shown as typed. */
export type Formatted = { html: string } | { unformatted: Unformatted };

/** The bound `src` breaks before any parsing, if any: only its length, a constant-time check. */
export function checkLength(src: string): Unformatted | undefined {
  return src.length > MAX_RICH_TEXT_CHARS ? { reason: 'too-long', chars: src.length } : undefined;
}

/** How many elements `html` has: its start tags. */
export function countElements(html: string): number {
  return html.match(/<[a-z]/gi)?.length ?? 0;
}

/** The one-sentence notice shown above a text shown as typed. */
export function unformattedNotice(u: Unformatted): string {
  switch (u.reason) {
    case 'too-long':
      return `This text is too long to format (${u.chars.toLocaleString('en')} characters; the limit is ${MAX_RICH_TEXT_CHARS.toLocaleString('en')}); shown as typed.`;
    case 'too-deep':
      return `This text is nested too deeply to format (more than ${MAX_NESTING} levels of quotes, lists or emphasis); shown as typed.`;
    case 'too-complex':
      return 'This text is too complex to format quickly; shown as typed.';
    case 'failed':
      return 'This text could not be formatted; shown as typed.';
    case 'unavailable':
      return 'The formatter could not be loaded; this text is shown as typed.';
  }
}

/** A per-text allowance: `take(part)` says whether this part may be formatted, and counts it. */
export interface Allowance {
  take(part: string): boolean;
}

/**
 * Maths: a formula at most MAX_TEX long is typeset while the text has typeset fewer than
 * MAX_FORMULAS formulas of fewer than MAX_MATH_ELEMENTS elements; `typeset(html)` counts one.
 */
export function mathAllowance(): Allowance & { typeset(html: string): void } {
  let formulas = 0;
  let elements = 0;
  return {
    take: (tex) => tex.length <= MAX_TEX && formulas < MAX_FORMULAS && elements < MAX_MATH_ELEMENTS,
    typeset(html) {
      formulas += 1;
      elements += countElements(html);
    },
  };
}

/** Fenced code: highlighted while the text's highlighted code stays within MAX_HIGHLIGHT characters. */
export function highlightAllowance(): Allowance {
  let chars = 0;
  return {
    take(code) {
      if (chars + code.length > MAX_HIGHLIGHT) return false;
      chars += code.length;
      return true;
    },
  };
}

/** Raw HTML: kept while the text's raw tags stay within MAX_HTML_TAGS (a piece past it is escaped). */
export function htmlAllowance(): Allowance {
  let tags = 0;
  return {
    take(html) {
      tags += html.match(/<[a-z/!?]/gi)?.length ?? 0;
      return tags <= MAX_HTML_TAGS;
    },
  };
}
