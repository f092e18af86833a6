import 'katex/dist/katex.min.css';
import katex from 'katex';
import { escapeHtml } from './escape.ts';
import { MAX_TEX } from './limits.ts';

/**
 * TeX to KaTeX HTML. `trust: false` refuses \href, \url, \includegraphics and \html*; a syntax error
 * renders the source in red instead of throwing; `maxExpand` stops macro bombs. Memoised: a
 * formula typeset once is not typeset again (the last 2,000 kept).
 */
export function renderMath(tex: string, displayMode: boolean): string {
  if (tex.length > MAX_TEX) return `<code>${escapeHtml(tex)}</code>`;
  const key = `${displayMode ? 'D' : 'I'}${tex}`;
  const hit = typeset.get(key);
  if (hit !== undefined) {
    typeset.delete(key);
    typeset.set(key, hit);
    return hit;
  }
  const html = typesetNow(tex, displayMode);
  typeset.set(key, html);
  if (typeset.size > TYPESET_CACHE) typeset.delete(typeset.keys().next().value as string);
  return html;
}

/**
 * Formulas already typeset, least recently used first out: the same symbols come back in every
 * paragraph and every candidate (`$x$`, `$n \geq 1$`), and KaTeX output depends on nothing else.
 */
const typeset = new Map<string, string>();
const TYPESET_CACHE = 2000;

function typesetNow(tex: string, displayMode: boolean): string {
  return katex.renderToString(tex, {
    displayMode,
    throwOnError: false,
    trust: false,
    strict: 'ignore',
    maxExpand: 500,
    maxSize: 50,
    output: 'htmlAndMathml',
  });
}
