import DOMPurify from 'dompurify';
import { markdownToHtml } from './markdown.ts';
import { createSanitizer } from './sanitize.ts';

let sanitize: ((html: string) => string) | undefined;
const cache = new Map<string, string>();
const CACHE_SIZE = 64;

/**
 * Item Markdown to HTML that is safe to put in the page: rendered, then sanitised. Results are
 * cached (least recently used) because the same guidelines and item re-render on every keystroke.
 */
export function renderRichText(src: string): string {
  const hit = cache.get(src);
  if (hit !== undefined) {
    cache.delete(src);
    cache.set(src, hit);
    return hit;
  }
  sanitize ??= createSanitizer(DOMPurify(window), window.location.origin);
  const html = sanitize(markdownToHtml(src));
  cache.set(src, html);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return html;
}
