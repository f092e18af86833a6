import { Marked, type TokenizerAndRendererExtension, type Tokens } from 'marked';
import { escapeHtml } from './escape.ts';
import { safeLinkHref } from './url-policy.ts';

/**
 * Item Markdown to HTML: GitHub-flavoured Markdown, `$…$` inline and `$$…$$` display maths
 * (KaTeX), fenced code highlighted. The output is NOT yet safe: raw HTML in the source passes
 * through, and sanitize.ts must run over it before it reaches the page (renderRichText does both).
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

/** The renderers of the markdownToHtml call in progress (marked's extensions cannot take them). */
let current: Renderers = {};
const math = (tex: string, displayMode: boolean) =>
  current.math ? current.math(tex, displayMode) : `<code>${escapeHtml(tex)}</code>`;
const code = (text: string, lang: string | undefined) =>
  current.code ? current.code(text, lang) : `<pre><code class="hljs">${escapeHtml(text)}</code></pre>\n`;

const blockMath: TokenizerAndRendererExtension = {
  name: 'blockMath',
  level: 'block',
  start: (src) => src.match(/^ {0,3}\$\$/m)?.index,
  tokenizer(src) {
    const m = /^ {0,3}\$\$([\s\S]+?)\$\$[ \t]*(?:\n+|$)/.exec(src);
    return m ? { type: 'blockMath', raw: m[0], text: (m[1] ?? '').trim() } : undefined;
  },
  renderer: (token) => `<div class="math-display">${math(String(token.text), true)}</div>\n`,
};

const inlineMath: TokenizerAndRendererExtension = {
  name: 'inlineMath',
  level: 'inline',
  start: (src) => (src.indexOf('$') >= 0 ? src.indexOf('$') : undefined),
  tokenizer(src) {
    const display = /^\$\$((?:\\.|[^$\\])+?)\$\$/.exec(src);
    if (display) return { type: 'inlineMath', raw: display[0], text: display[1], display: true };
    // `$x$` but not prices: no space just inside the dollars, no digit right after the closing one.
    const m = /^\$((?:\\.|[^$\\\n])*?[^\s$\\])\$(?!\d)/.exec(src);
    if (!m || /^\s/.test(m[1] ?? '')) return undefined;
    return { type: 'inlineMath', raw: m[0], text: m[1], display: false };
  },
  renderer: (token) => math(String(token.text), token.display === true),
};

const marked = new Marked({
  gfm: true,
  breaks: false,
  async: false,
  extensions: [blockMath, inlineMath],
  renderer: {
    code: ({ text, lang }: Tokens.Code) => code(text, lang),
    link(this: { parser: { parseInline(t: Tokens.Link['tokens']): string } }, token: Tokens.Link) {
      const inner = this.parser.parseInline(token.tokens);
      const href = safeLinkHref(decodeEntities(token.href));
      if (href === undefined) return inner;
      const title = token.title ? ` title="${escapeHtml(token.title)}"` : '';
      return `<a href="${escapeHtml(href)}"${title} rel="noopener noreferrer" target="_blank">${inner}</a>`;
    },
  },
});

/** Markdown (with maths and code, given their renderers) to unsanitised HTML. */
export function markdownToHtml(src: string, renderers: Renderers = {}): string {
  current = renderers;
  try {
    return marked.parse(src, { async: false });
  } finally {
    current = {};
  }
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
