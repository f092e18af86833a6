import DOMPurify from 'dompurify';
import { checkLength, type Formatted } from './limits.ts';
import { formatMarkdown, type Renderers } from './markdown.ts';
import { createSanitizer } from './sanitize.ts';

let sanitize: ((html: string) => string) | undefined;
const cache = new Map<string, Formatted>();
const CACHE_SIZE = 64;
const renderers: Renderers = {};

/**
 * Whether `src` may hold maths (`$…$`) or fenced code (``` or ~~~): cheap and never a miss. A
 * text too long to format needs neither.
 */
const mayHaveMath = (src: string) => !checkLength(src) && src.includes('$');
const mayHaveCode = (src: string) => !checkLength(src) && (src.includes('```') || src.includes('~~~'));

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
 * Item Markdown to HTML that is safe to put in the page: rendered, then sanitised; or, for a text
 * over a limit (limits.ts) or one the pipeline throws on, the reason to show it as typed. Never
 * throws. Call prepareRichText first (until then maths shows as TeX, code unhighlighted, and
 * nothing is cached). Results are cached (least recently used) because the same guidelines and
 * item re-render on every keystroke.
 */
export function renderRichText(src: string): Formatted {
  const hit = cache.get(src);
  if (hit !== undefined) {
    cache.delete(src);
    cache.set(src, hit);
    return hit;
  }
  const result = format(src);
  if (!isPrepared(src)) return result;
  cache.set(src, result);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return result;
}

/** Empties the cache, so the next render of a text formats it again (used to time rendering). */
export function forgetRendered(): void {
  cache.clear();
}

function format(src: string): Formatted {
  try {
    const md = formatMarkdown(src, renderers);
    if (!('html' in md)) return md;
    sanitize ??= createSanitizer(DOMPurify(window), window.location.origin);
    return { html: sanitize(md.html) };
  } catch (e) {
    // Whatever the text does to the pipeline (the limits should make this unreachable), it stays
    // one text shown as typed, not a blank page.
    console.error('Could not format a text:', e);
    return { unformatted: { reason: 'failed' } };
  }
}
