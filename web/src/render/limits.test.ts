import { describe, expect, it } from 'vitest';
import { renderCode } from './highlight.ts';
import {
  countElements,
  MAX_ELEMENTS,
  MAX_FORMULAS,
  MAX_HIGHLIGHT,
  MAX_HTML_TAGS,
  MAX_MATH_ELEMENTS,
  MAX_NESTING,
  MAX_RICH_TEXT_CHARS,
  MAX_TEX,
  unformattedNotice,
} from './limits.ts';
import { formatMarkdown, markdownToHtml } from './markdown.ts';
import { renderMath } from './math.ts';
import { nestedEmphasis } from './worst-cases.ts';

const renderers = { math: renderMath, code: renderCode };
const format = (src: string) => formatMarkdown(src, renderers);
/** Why `src` is shown as typed, or 'formatted'. */
const outcome = (src: string) => {
  const out = format(src);
  return 'html' in out ? 'formatted' : out.unformatted.reason;
};
const html = (src: string) => {
  const out = format(src);
  if (!('html' in out)) throw new Error(`not formatted: ${out.unformatted.reason}`);
  return out.html;
};
/** Milliseconds `f` takes. */
const timed = (f: () => void) => {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
};

describe('rendering limits: whole texts', () => {
  it('shows a text over MAX_RICH_TEXT_CHARS as typed, and formats one right at it', () => {
    expect(format('a'.repeat(MAX_RICH_TEXT_CHARS + 1))).toEqual({
      unformatted: { reason: 'too-long', chars: MAX_RICH_TEXT_CHARS + 1 },
    });
    expect(outcome('a'.repeat(MAX_RICH_TEXT_CHARS))).toBe('formatted');
  });

  it('refuses 1 MB of nested lists at once, as too long', () => {
    let src = '';
    for (let i = 0; src.length < 1_000_000; i++) src += `${'  '.repeat(i % 1000)}- item\n`;
    let reason: string | undefined;
    expect(timed(() => (reason = outcome(src)))).toBeLessThan(50);
    expect(reason).toBe('too-long');
  });

  it('refuses 3,000 nested quotes as too deep instead of overflowing the stack', () => {
    expect(outcome(`${'>'.repeat(3000)} deep`)).toBe('too-deep');
  });

  it.each([
    ['block quotes', (n: number) => `${'>'.repeat(n)} x`, '<blockquote>'],
    ['lists', (n: number) => `${'- '.repeat(n)}x`, '<ul>'],
    ['emphasis', nestedEmphasis, '<em>'],
  ])('formats %s nested MAX_NESTING deep, and shows one level more as typed', (_, nest, tag) => {
    const deepest = html(nest(MAX_NESTING));
    expect(deepest.split(tag).length - 1).toBe(MAX_NESTING);
    expect(outcome(nest(MAX_NESTING + 1))).toBe('too-deep');
  });

  it.each([
    ['unmatched underscores', '_a_b '],
    ['unmatched stars inside words', 'a*'],
    ['escaped brackets', '\\['],
    ['lists nested to the limit on every line', `${'- '.repeat(MAX_NESTING)}x\n\n`],
  ])(
    'shows a text of %s (parse cost growing with the square of its length) as too complex, fast',
    (_, unit) => {
      const src = unit.repeat(Math.floor(MAX_RICH_TEXT_CHARS / unit.length));
      let reason: string | undefined;
      // Unbounded, each of these took seconds (`_a_b ` x 20,000: 110 s).
      expect(timed(() => (reason = outcome(src)))).toBeLessThan(1_000);
      expect(reason).toBe('too-complex');
    },
  );

  it('formats a text of MAX_ELEMENTS elements, and shows one with more as too complex', () => {
    // One paragraph (an element) of emphasised words (an element each).
    expect(countElements(html('*a* '.repeat(MAX_ELEMENTS - 1)))).toBe(MAX_ELEMENTS);
    expect(outcome('*a* '.repeat(MAX_ELEMENTS))).toBe('too-complex');
  });
});

describe('rendering limits: parts of a text', () => {
  const katexCount = (s: string) => s.split('class="katex"').length - 1;

  it('typesets MAX_FORMULAS formulas and shows later ones as their TeX source', () => {
    // Single letters: MAX_FORMULAS of them stay well within MAX_MATH_ELEMENTS.
    expect(countElements(renderMath('n', false)) * MAX_FORMULAS).toBeLessThan(MAX_MATH_ELEMENTS);
    const out = html(
      Array(MAX_FORMULAS + 2)
        .fill('$n$')
        .join(' '),
    );
    expect(katexCount(out)).toBe(MAX_FORMULAS);
    expect(out.split('<code>n</code>').length - 1).toBe(2);
  });

  it('typesets formulas until they come to MAX_MATH_ELEMENTS elements, and shows later ones as TeX source', () => {
    const tex = '\\frac{a}{b}+'.repeat(20);
    const perFormula = countElements(renderMath(tex, false));
    const out = html(Array(40).fill(`$${tex}$`).join(' '));
    expect(katexCount(out)).toBe(Math.ceil(MAX_MATH_ELEMENTS / perFormula));
    expect(out).toContain(`<code>${tex}</code>`);
  });

  it('shows a formula longer than MAX_TEX as TeX source', () => {
    expect(katexCount(html(`$${'x+'.repeat(MAX_TEX / 2 - 1)}1$`))).toBe(1);
    expect(katexCount(html(`$${'x+'.repeat(MAX_TEX / 2)}1$`))).toBe(0);
  });

  it('highlights up to MAX_HIGHLIGHT characters of code, and shows the rest plain', () => {
    const block = `\`\`\`js\n${'let a = 1;\n'.repeat(Math.floor(MAX_HIGHLIGHT / 22))}\`\`\``;
    const out = html(`${block}\n\n${block}\n\n${block}`);
    expect(out.split('class="hljs language-js"').length - 1).toBe(2);
    expect(out.split('<pre><code class="hljs">').length - 1).toBe(1);
  });

  it('keeps MAX_HTML_TAGS raw tags as HTML and shows later ones as typed', () => {
    const out = html('<b>x</b> '.repeat(MAX_HTML_TAGS / 2 + 1));
    expect(out.split('<b>').length - 1).toBe(MAX_HTML_TAGS / 2);
    expect(out).toContain('&#60;b&#62;x&#60;/b&#62;');
  });
});

describe('rendering limits: what the reader is told', () => {
  it('gives a text over a limit as its source, escaped, where a string is needed', () => {
    expect(markdownToHtml(`${'>'.repeat(3000)} <b>`)).toBe(
      `<pre class="as-typed-text">${'&#62;'.repeat(3000)} &#60;b&#62;</pre>\n`,
    );
    expect(markdownToHtml('*a*')).toBe('<p><em>a</em></p>\n');
  });

  it('names the limit in the notice', () => {
    expect(unformattedNotice({ reason: 'too-long', chars: 123_456 })).toBe(
      'This text is too long to format (123,456 characters; the limit is 100,000); shown as typed.',
    );
    expect(unformattedNotice({ reason: 'too-deep' })).toContain(`more than ${MAX_NESTING} levels`);
    expect(unformattedNotice({ reason: 'failed' })).toBe('This text could not be formatted; shown as typed.');
  });
});
