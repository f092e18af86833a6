import { describe, expect, it } from 'vitest';
import { decideAttribute, filterStyle, safeImageSrc, safeLinkHref } from './url-policy.ts';

const origin = 'https://verity.example';

describe('link policy', () => {
  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0000javascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    '//evil.example/x',
    '\\\\evil.example/x',
  ])('refuses %j', (href) => {
    expect(safeLinkHref(href)).toBeUndefined();
  });

  it.each([
    'https://example.org/a?b#c',
    'http://example.org',
    'mailto:a@example.org',
    '/items/3',
    '#note',
    'page.html',
  ])('keeps %j', (href) => {
    expect(safeLinkHref(href)).toBe(href);
  });
});

describe('image policy', () => {
  it('keeps same-origin and raster data: images only', () => {
    expect(safeImageSrc('/img/a.png', origin)).toBe(`${origin}/img/a.png`);
    expect(safeImageSrc('data:image/png;base64,iVBORw0KGgo=', origin)).toBe(
      'data:image/png;base64,iVBORw0KGgo=',
    );
    expect(safeImageSrc('https://tracker.example/p.gif', origin)).toBeUndefined();
    expect(safeImageSrc('//tracker.example/p.gif', origin)).toBeUndefined();
    expect(safeImageSrc('/\\tracker.example/p.gif', origin)).toBeUndefined();
    expect(safeImageSrc('data:image/svg+xml;base64,PHN2Zz4=', origin)).toBeUndefined();
    expect(safeImageSrc('javascript:alert(1)', origin)).toBeUndefined();
  });
});

describe('style policy', () => {
  it('keeps the declarations KaTeX writes', () => {
    expect(filterStyle('height:0.8141em;vertical-align:-0.25em;margin-right:0.05em')).toBe(
      'height:0.8141em;vertical-align:-0.25em;margin-right:0.05em',
    );
    expect(filterStyle('color:#cc0000;border-bottom-width:0.04em')).toBe(
      'color:#cc0000;border-bottom-width:0.04em',
    );
  });

  it('drops overlays, remote resources and expressions', () => {
    expect(filterStyle('position:fixed;inset:0;z-index:9999')).toBe('');
    expect(filterStyle('background-color:url(https://t.example/x)')).toBe('');
    expect(filterStyle('width:expression(alert(1))')).toBe('');
    expect(filterStyle('color:var(--x)')).toBe('');
    expect(filterStyle('color:\\72 ed')).toBe('');
  });
});

describe('attribute decisions', () => {
  it('drops targets, srcset and form actions, and SVG links that leave the document', () => {
    expect(decideAttribute('a', 'target', '_top', origin)).toBeUndefined();
    expect(decideAttribute('img', 'srcset', 'https://t.example/a.png 2x', origin)).toBeUndefined();
    expect(decideAttribute('a', 'href', 'javascript:alert(1)', origin)).toBeUndefined();
    expect(decideAttribute('use', 'xlink:href', 'https://evil.example/s.svg#x', origin)).toBeUndefined();
    expect(decideAttribute('a', 'xlink:href', 'javascript:alert(1)', origin)).toBeUndefined();
    expect(decideAttribute('path', 'href', '#p1', origin)).toBe('#p1');
    expect(decideAttribute('iframe', 'src', '/x', origin)).toBeUndefined();
    expect(decideAttribute('span', 'class', 'mord', origin)).toBe('mord');
  });
});
