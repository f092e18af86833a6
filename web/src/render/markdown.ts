import { Marked, type Tokens } from 'marked';
import { escapeHtml } from './escape.ts';
import {
  checkLength,
  countElements,
  type Formatted,
  highlightAllowance,
  htmlAllowance,
  MAX_ELEMENTS,
  mathAllowance,
} from './limits.ts';
import { mathExtensions } from './math-syntax.ts';
import { metered, meteredParsing, OverLimit } from './meter.ts';
import { safeLinkHref } from './url-policy.ts';

/**
 * Item Markdown to HTML: GitHub-flavoured Markdown, `$…$` inline and `$$…$$` display maths
 * (KaTeX; where maths is: math-syntax.ts), fenced code highlighted. The output is NOT yet safe:
 * raw HTML in the source passes through, and sanitize.ts must run over it before it reaches the
 * page (renderRichText does both). Bounded (limits.ts, meter.ts): a text over a limit comes back
 * as the reason it is not formatted, never as an exception.
 */

/**
 * The renderers for maths (math.ts, KaTeX) and code (highlight.ts, highlight.js), passed in by
 * the caller: they are most of the rendering code, so rich-text.ts loads them only for a text that
 * has maths or code. Without one, maths shows as its TeX source and code unhighlighted.
 */
export interface Renderers {
  math?: (tex: string, displayMode: boolean) => string;
  code?: (code: string, lang: string | undefined) => string;
}

/** The text being rendered: its renderers and allowances (marked's renderers cannot take them). */
const newRun = (renderers: Renderers) => ({
  renderers,
  math: mathAllowance(),
  code: highlightAllowance(),
  html: htmlAllowance(),
});
let run = newRun({});

function math(tex: string, displayMode: boolean): string {
  if (!run.renderers.math || !run.math.take(tex)) return `<code>${escapeHtml(tex)}</code>`;
  const html = run.renderers.math(tex, displayMode);
  run.math.typeset(html);
  return html;
}
const code = (text: string, lang: string | undefined) =>
  // Only code in a named language is highlighted, so only that counts against the allowance.
  run.renderers.code && run.code.take(lang ? text : '')
    ? run.renderers.code(text, lang)
    : `<pre><code class="hljs">${escapeHtml(text)}</code></pre>\n`;

const marked = new Marked({
  gfm: true,
  breaks: false,
  async: false,
  extensions: mathExtensions(math),
  renderer: {
    code: ({ text, lang }: Tokens.Code) => code(text, lang),
    // Raw HTML past the budget is shown as its source: the browser's parser is slow on thousands
    // of unclosed or deeply nested tags, sanitising them and laying them out.
    html: ({ text }: Tokens.HTML | Tokens.Tag) => (run.html.take(text) ? text : escapeHtml(text)),
    link(this: { parser: { parseInline(t: Tokens.Link['tokens']): string } }, token: Tokens.Link) {
      const inner = this.parser.parseInline(token.tokens);
      const href = safeLinkHref(decodeEntities(token.href));
      if (href === undefined) return inner;
      const title = token.title ? ` title="${escapeHtml(token.title)}"` : '';
      return `<a href="${escapeHtml(href)}"${title} rel="noopener noreferrer" target="_blank">${inner}</a>`;
    },
  },
  // Last, so that its step counters run first at every position.
}).use(meteredParsing);

/** Markdown (with maths and code, given their renderers) to unsanitised HTML, or why not. */
export function formatMarkdown(src: string, renderers: Renderers = {}): Formatted {
  const tooLong = checkLength(src);
  if (tooLong) return { unformatted: tooLong };
  run = newRun(renderers);
  try {
    const html = metered(() => marked.parse(src, { async: false }));
    return countElements(html) > MAX_ELEMENTS ? { unformatted: { reason: 'too-complex' } } : { html };
  } catch (e) {
    if (e instanceof OverLimit) return { unformatted: { reason: e.reason } };
    throw e;
  } finally {
    run = newRun({});
  }
}

/**
 * formatMarkdown's HTML, or for a text over a limit its source as typed (escaped, in a `<pre>`):
 * for callers that need a string whatever the text, such as tests of what the page shows.
 */
export function markdownToHtml(src: string, renderers: Renderers = {}): string {
  const out = formatMarkdown(src, renderers);
  return 'html' in out ? out.html : `<pre class="as-typed-text">${escapeHtml(src)}</pre>\n`;
}

/** Numeric and a few named entities, so `javascript&#58;` is judged as the browser would read it. */
export function decodeEntities(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);?/gi, (_, h: string) =>
      String.fromCodePoint(Math.min(Number.parseInt(h, 16), 0x10ffff)),
    )
    .replace(/&#(\d+);?/g, (_, d: string) => String.fromCodePoint(Math.min(Number.parseInt(d, 10), 0x10ffff)))
    .replace(
      /&(colon|tab|newline|amp);/gi,
      (_, n: string) => ({ colon: ':', tab: '\t', newline: '\n', amp: '&' })[n.toLowerCase() as 'colon'],
    );
}
