import type { Config, DOMPurify } from 'dompurify';
import { decideAttribute } from './url-policy.ts';

/** Elements item content may never contain, on top of DOMPurify's own deny-list (script, etc.). */
export const FORBIDDEN_TAGS = [
  'style',
  'link',
  'meta',
  'base',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'form',
  'input',
  'button',
  'select',
  'option',
  'textarea',
  'audio',
  'video',
  'source',
  'track',
  'picture',
  'dialog',
  'template',
  'use',
  'foreignobject',
  'animate',
  'set',
];

const CONFIG: Config = {
  USE_PROFILES: { html: true, svg: true, mathMl: true },
  FORBID_TAGS: FORBIDDEN_TAGS,
  ALLOW_DATA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  // Prefix ids and names so item content cannot shadow the page's own globals (DOM clobbering).
  SANITIZE_NAMED_PROPS: true,
  // KaTeX's MathML keeps the TeX source for screen readers and copy-paste.
  ADD_TAGS: ['semantics', 'annotation'],
  ADD_ATTR: ['encoding'],
};

/**
 * A sanitiser bound to one DOMPurify instance (give it its own: the hooks are per instance).
 * Every attribute goes through decideAttribute; every remaining link opens in a new tab without
 * an opener or referrer.
 */
export function createSanitizer(purify: DOMPurify, origin: string): (html: string) => string {
  purify.addHook('uponSanitizeAttribute', (node, data) => {
    const value = decideAttribute(node.nodeName.toLowerCase(), data.attrName, data.attrValue, origin);
    if (value === undefined) data.keepAttr = false;
    else data.attrValue = value;
  });
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'A' && node.hasAttribute('href')) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
  });
  return (html) => purify.sanitize(renameHandlers(html), { ...CONFIG, RETURN_TRUSTED_TYPE: false });
}

/**
 * Renames `on…=` attributes inside tags before parsing. Not the security boundary (DOMPurify
 * removes handlers anyway), but Chromium reports a CSP violation for every inline handler it
 * merely parses, even in DOMPurify's inert document, and that noise would hide real violations.
 */
export function renameHandlers(html: string): string {
  return html.replace(/<[a-z][^<>]*>/gi, (tag) =>
    tag.replace(/([\s/"'])on([a-z0-9_-]*\s*=)/gi, '$1data-blocked-on$2'),
  );
}
