import hljs from 'highlight.js/lib/common';
import { escapeHtml } from './escape.ts';

/**
 * A fenced code block as `<pre><code>` with highlight.js spans (which escape the code). How much
 * code a text may have highlighted is markdown.ts's call (limits.ts, MAX_HIGHLIGHT).
 */
export function renderCode(code: string, lang: string | undefined): string {
  const language = (lang ?? '').trim().split(/\s/)[0]?.toLowerCase() ?? '';
  const known = language !== '' && /^[\w+#-]+$/.test(language) && hljs.getLanguage(language) !== undefined;
  const body = known ? hljs.highlight(code, { language, ignoreIllegals: true }).value : escapeHtml(code);
  const cls = known ? ` class="hljs language-${language}"` : ' class="hljs"';
  return `<pre><code${cls}>${body}</code></pre>\n`;
}
