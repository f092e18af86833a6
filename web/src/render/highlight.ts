import hljs from 'highlight.js/lib/common';
import { escapeHtml } from './escape.ts';

/** Longer code is shown unhighlighted: highlighting is the slow part of rendering a big item. */
const MAX_HIGHLIGHT = 100_000;

/** A fenced code block as `<pre><code>` with highlight.js spans (which escape the code). */
export function renderCode(code: string, lang: string | undefined): string {
  const language = (lang ?? '').trim().split(/\s/)[0]?.toLowerCase() ?? '';
  const known = language !== '' && /^[\w+#-]+$/.test(language) && hljs.getLanguage(language) !== undefined;
  const body =
    known && code.length <= MAX_HIGHLIGHT
      ? hljs.highlight(code, { language, ignoreIllegals: true }).value
      : escapeHtml(code);
  const cls = known ? ` class="hljs language-${language}"` : ' class="hljs"';
  return `<pre><code${cls}>${body}</code></pre>\n`;
}
