import 'katex/dist/katex.min.css';
import katex from 'katex';
import { escapeHtml } from './escape.ts';
import { MAX_TEX } from './limits.ts';

/**
 * TeX to KaTeX HTML. `trust: false` refuses \href, \url, \includegraphics and \html*; a syntax error
 * renders the source in red instead of throwing; `maxExpand` stops macro bombs.
 */
export function renderMath(tex: string, displayMode: boolean): string {
  if (tex.length > MAX_TEX) return `<code>${escapeHtml(tex)}</code>`;
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
