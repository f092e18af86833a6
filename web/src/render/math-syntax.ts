import type { TokenizerAndRendererExtension, TokenizerThis } from 'marked';
import { nextDollar } from './meter.ts';

/**
 * Where maths is in Markdown, as marked extensions (the rules are in docs/web.md, "Maths").
 * Delimiters: `$…$` inline, `$$…$$` display (on lines of its own, or inside a paragraph). Inside
 * either, a backslash and the character after it are one unit, passed to KaTeX as typed (`\{`,
 * `\,`, `\$`). An inline `$…$` must not start or end with a space and must not be followed by a
 * digit, so prices (`$5 and $6`) stay text; `\$` outside maths is a literal dollar; code spans
 * and fenced code are never maths. `\(…\)` and `\[…\]` are not maths: in Markdown they are
 * escaped brackets (`\[1\]` is "[1]").
 */

/**
 * `$$…$$` on lines of its own: the TeX between, trimmed, closed by the first `$$` that ends a
 * line (web/src/editors/spans/tex-tokens.ts mirrors this to snap selections to formulas).
 */
export const BLOCK_MATH = /^ {0,3}\$\$([\s\S]+?)\$\$[ \t]*(?:\n+|$)/;
/** `$$…$$` inside a paragraph. */
export const INLINE_DISPLAY_MATH = /^\$\$((?:\\[\s\S]|[^$\\])+?)\$\$/;
/** `$…$`: one line, no space just inside; the last unit may be an escape pair (`\}`, `\,`, not `\ `). */
export const INLINE_MATH = /^\$((?:\\.|[^$\\\n])*?(?:\\\S|[^\s$\\]))\$(?!\d)/;

/**
 * Where a line of the paragraph being read may start with `$$` (the paragraph is cut there).
 * `src` starts mid-line (marked passes the text after the paragraph's first character), so only
 * a `$$` after a newline counts, and only within the paragraph (marked's own rule finds its end):
 * marked asks at every paragraph, and searching to the end of the text each time would cost the
 * square of the text's length.
 */
function blockMathStart(this: TokenizerThis, src: string): number | undefined {
  const paragraph = this.lexer.options.tokenizer?.rules.block.paragraph.exec(src)?.[0] ?? '';
  const m = /\n {0,3}\$\$/.exec(paragraph);
  return m ? m.index + 1 : undefined;
}

/** The two extensions, rendering each formula with `render`. */
export function mathExtensions(
  render: (tex: string, displayMode: boolean) => string,
): TokenizerAndRendererExtension[] {
  return [
    {
      name: 'blockMath',
      level: 'block',
      start: blockMathStart,
      tokenizer(src) {
        const m = BLOCK_MATH.exec(src);
        return m ? { type: 'blockMath', raw: m[0], text: (m[1] ?? '').trim() } : undefined;
      },
      renderer: (token) => `<div class="math-display">${render(String(token.text), true)}</div>\n`,
    },
    {
      name: 'inlineMath',
      level: 'inline',
      start: nextDollar,
      tokenizer(src) {
        const display = INLINE_DISPLAY_MATH.exec(src);
        if (display) return { type: 'inlineMath', raw: display[0], text: display[1], display: true };
        const m = INLINE_MATH.exec(src);
        if (!m || /^\s/.test(m[1] ?? '')) return undefined;
        return { type: 'inlineMath', raw: m[0], text: m[1], display: false };
      },
      renderer: (token) => render(String(token.text), token.display === true),
    },
  ];
}
