/**
 * Which URLs and inline styles item content may carry. Pure, so the rules are tested in node;
 * sanitize.ts applies them to every attribute DOMPurify keeps.
 */

const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:']);
// What the URL parser ignores or strips before it reads a scheme ("java\tscript:", " javascript:").
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what we strip
const IGNORED = /[\u0000-\u0020\u007f-\u009f]/g;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** The href to keep on a link, or undefined to drop it: http(s), mailto and relative URLs only. */
export function safeLinkHref(href: string): string | undefined {
  const compact = href.replace(IGNORED, '');
  if (compact === '') return undefined;
  const scheme = SCHEME.exec(compact)?.[1];
  if (scheme !== undefined) return LINK_SCHEMES.has(`${scheme.toLowerCase()}:`) ? href.trim() : undefined;
  // No scheme: relative, or protocol-relative ("//host", "\\host") which we refuse as a remote target.
  return /^[/\\]{2}/.test(compact) ? undefined : href.trim();
}

const DATA_IMAGE = /^data:image\/(png|jpe?g|gif|webp|avif);base64,[a-z0-9+/=\s]+$/i;

/**
 * The src to keep on an image, or undefined: only same-origin URLs and raster data: URLs, so item
 * content can neither track the annotator through a remote image nor smuggle SVG.
 */
export function safeImageSrc(src: string, origin: string): string | undefined {
  const trimmed = src.trim();
  if (DATA_IMAGE.test(trimmed)) return trimmed;
  if (/^data:/i.test(trimmed.replace(IGNORED, ''))) return undefined;
  let url: URL;
  try {
    url = new URL(trimmed, `${origin}/`);
  } catch {
    return undefined;
  }
  return url.origin === origin && (url.protocol === 'http:' || url.protocol === 'https:')
    ? url.href
    : undefined;
}

/** Inline style properties KaTeX emits; anything else (position, z-index, url()) is dropped. */
const STYLE_PROPS = new Set([
  'height',
  'width',
  'min-width',
  'vertical-align',
  'top',
  'bottom',
  'margin',
  'margin-left',
  'margin-right',
  'padding-left',
  'padding-right',
  'color',
  'background-color',
  'border',
  'border-style',
  'border-width',
  'border-color',
  'border-top-width',
  'border-bottom-width',
  'border-right-width',
  'border-right-style',
]);
// Lengths, numbers, colour names and #hex/rgb(): no url(), no var(), no expression(), no escapes.
const STYLE_VALUE = /^(?:[-+]?[\d.]+(?:em|ex|px|pt|%|mu)?|[a-z-]+|#[\da-f]{3,8}|rgba?\([\d.,\s%]+\)|\s)+$/i;

/** Keeps the declarations KaTeX needs; returns '' when nothing is left. */
export function filterStyle(style: string): string {
  const kept: string[] = [];
  for (const decl of style.split(';')) {
    const colon = decl.indexOf(':');
    if (colon < 0) continue;
    const prop = decl.slice(0, colon).trim().toLowerCase();
    const value = decl.slice(colon + 1).trim();
    if (STYLE_PROPS.has(prop) && value !== '' && STYLE_VALUE.test(value)) kept.push(`${prop}:${value}`);
  }
  return kept.join(';');
}

const DROPPED_ATTRS = new Set([
  'srcset',
  'action',
  'formaction',
  'ping',
  'background',
  'poster',
  'target',
  'rel',
]);

/**
 * The value to keep for one attribute of item content, or undefined to drop it. `tag` is the
 * element's lower-case name. Event handlers and unknown attributes never get here: DOMPurify's
 * allow-list removes them first.
 */
export function decideAttribute(
  tag: string,
  name: string,
  value: string,
  origin: string,
): string | undefined {
  const attr = name.toLowerCase();
  if (DROPPED_ATTRS.has(attr)) return undefined;
  if (attr === 'href' || attr === 'xlink:href') {
    // Inside SVG and MathML only in-document references ("#id") are useful, and the only safe ones.
    return tag === 'a' && attr === 'href'
      ? safeLinkHref(value)
      : value.trim().startsWith('#')
        ? value
        : undefined;
  }
  if (attr === 'src') return tag === 'img' ? safeImageSrc(value, origin) : undefined;
  if (attr === 'style') return filterStyle(value) || undefined;
  return value;
}
