import DOMPurify from 'dompurify';
import { markdownToHtml, type Renderers } from './markdown.ts';
import { createSanitizer } from './sanitize.ts';

let sanitize: ((html: string) => string) | undefined;
const cache = new Map<string, string>();
const CACHE_SIZE = 64;
const renderers: Renderers = {};

/** Whether `src` may hold maths (`$…$`) or fenced code (``` or ~~~): cheap and never a miss. */
const mayHaveMath = (src: string) => src.includes('$');
const mayHaveCode = (src: string) => src.includes('```') || src.includes('~~~');

/** True when every renderer `src` may need (KaTeX, highlight.js) is loaded. */
export function isPrepared(src: string): boolean {
  return (
    (!mayHaveMath(src) || renderers.math !== undefined) && (!mayHaveCode(src) || renderers.code !== undefined)
  );
}

/**
 * Loads the renderers `src` may need, each once: KaTeX only for a text with a `$`, highlight.js
 * only for one with fenced code. Most items have neither, and these are most of the code.
 */
export async function prepareRichText(src: string): Promise<void> {
  await Promise.all([
    mayHaveMath(src) && !renderers.math
      ? import('./math.ts').then((m) => {
          renderers.math = m.renderMath;
        })
      : undefined,
    mayHaveCode(src) && !renderers.code
      ? import('./highlight.ts').then((m) => {
          renderers.code = m.renderCode;
        })
      : undefined,
  ]);
}

/**
 * Item Markdown to HTML that is safe to put in the page: rendered, then sanitised. Call
 * prepareRichText first (until then maths shows as TeX, code unhighlighted, and nothing is
 * cached). Results are cached (least recently used) because the same guidelines and item
 * re-render on every keystroke.
 */
export function renderRichText(src: string): string {
  const hit = cache.get(src);
  if (hit !== undefined) {
    cache.delete(src);
    cache.set(src, hit);
    return hit;
  }
  sanitize ??= createSanitizer(DOMPurify(window), window.location.origin);
  const html = sanitize(markdownToHtml(src, renderers));
  if (!isPrepared(src)) return html;
  cache.set(src, html);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return html;
}
