import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownToHtml } from '../../render/markdown.ts';
import { type Alignment, alignRendered, mapPosition, renderedRanges, type Stretch } from './align.ts';
import { texTokens } from './tex-tokens.ts';
import { cpToU16, indexText } from './text-index.ts';

/**
 * The text a browser shows for `source`, as the rendered pane collects it: Markdown rendered by
 * the app's own renderer, formulas left out (the pane skips KaTeX's output), tags dropped,
 * entities decoded.
 */
function renderedTextOf(source: string): string {
  const html = markdownToHtml(source, { math: () => '<span class="katex"></span>' });
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
  return html
    .replace(/<span class="katex"><\/span>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => entities[e]!);
}

/** The formulas of `source` as UTF-16 stretches: the part of the source the pane never matches. */
function formulas(source: string): Stretch[] {
  const index = indexText(source);
  return texTokens(index).maths.map((t) => ({ start: cpToU16(index, t.start), end: cpToU16(index, t.end) }));
}

const shownFor = (al: Alignment, rendered: string, span: Stretch) =>
  renderedRanges(al, span)
    .map((r) => rendered.slice(r.start, r.end))
    .join('|');

describe('aligning rendered Markdown with its source', () => {
  const source = [
    '# Derivatives',
    '',
    'The **chain rule** gives $f(x) = 2x$ for *every* point; see [the notes](https://example.org/a/very/long/path/that/goes/on/and/on/for/a/while?with=query&and=more) first.',
    '',
    '$$',
    '\\int_0^1 2x e^{x^2}\\,dx = e - 1',
    '$$',
    '',
    '- first item with `inline code`',
    '- second item &amp; more',
    '',
    '> a quote with \\*escaped\\* stars',
    '',
    '| col a | col b |',
    '|-------|-------|',
    '| cell one | cell two |',
    '',
    '```js',
    'const x = 1;',
    '```',
    '',
    'Final words.',
  ].join('\n');
  const rendered = renderedTextOf(source);
  const al = alignRendered(source, rendered, formulas(source));
  const span = (text: string, from = 0): Stretch => {
    const start = source.indexOf(text, from);
    expect(start, text).toBeGreaterThanOrEqual(0);
    return { start, end: start + text.length };
  };

  it('finds every word that the rendering keeps, in one piece', () => {
    expect(shownFor(al, rendered, span('chain rule'))).toBe('chain rule');
    expect(shownFor(al, rendered, span('every'))).toBe('every');
    expect(shownFor(al, rendered, span('the notes'))).toBe('the notes');
    const words = [
      'first item',
      'inline code',
      'more',
      'a quote',
      'escaped',
      'cell one',
      'cell two',
      'const x = 1;',
      'Final words.',
    ];
    for (const w of words) expect(shownFor(al, rendered, span(w, source.indexOf('first.')))).toBe(w);
    expect(shownFor(al, rendered, span('Derivatives'))).toBe('Derivatives');
  });

  it('shows a span across Markdown syntax as the text around the syntax', () => {
    expect(shownFor(al, rendered, span('**chain rule** gives'))).toBe('chain rule| gives');
    expect(shownFor(al, rendered, span('see [the notes]'))).toBe('see |the notes');
  });

  it('shows nothing for a span inside a formula', () => {
    expect(renderedRanges(al, span('2x e^{x^2}'))).toEqual([]);
    expect(renderedRanges(al, span('f(x) = 2x'))).toEqual([]);
  });

  it('keeps the same part of the document in view: positions map in step through the text', () => {
    const at = (w: string) => mapPosition(al, source.indexOf(w), 'source');
    expect(rendered.slice(at('cell one'), at('cell one') + 8)).toBe('cell one');
    const back = mapPosition(al, rendered.indexOf('Final'), 'rendered');
    expect(source.slice(back, back + 5)).toBe('Final');
  });

  it('matches a text without Markdown in one run', () => {
    const plain = 'just words, nothing else\nover two lines';
    expect(alignRendered(plain, plain).runs).toEqual([{ src: 0, out: 0, len: plain.length }]);
  });

  it('aligns 50,000 characters of Markdown quickly', () => {
    const para = (k: number) =>
      `Paragraph ${k} has **bold ${k}**, a [link](https://example.org/p/${k}) and $x_${k}^2$ in it.\n\n`;
    let long = '';
    for (let k = 0; long.length < 50_000; k++) long += para(k);
    const shown = renderedTextOf(long);
    const t0 = performance.now();
    const big = alignRendered(long, shown, formulas(long));
    // Linear takes tens of ms (under a loaded test run, a few hundred); quadratic, many seconds.
    expect(performance.now() - t0).toBeLessThan(1000);
    const last = long.lastIndexOf('Paragraph');
    expect(shownFor(big, shown, { start: last, end: last + 9 })).toBe('Paragraph');
  });

  it('stays fast when nothing matches', () => {
    const t0 = performance.now();
    alignRendered('ab'.repeat(25_000), 'cd'.repeat(25_000));
    alignRendered('a'.repeat(50_000), 'b'.repeat(50_000));
    alignRendered(`${'x'.repeat(12)}`.repeat(4_000), `${'x'.repeat(11)}y`.repeat(4_000));
    expect(performance.now() - t0).toBeLessThan(1500);
  });
});

// Text and syntax from disjoint alphabets, as rendering removes syntax the text never contains.
// Each piece of text starts with a visible character: whitespace alone is never trusted far away.
const textPiece = fc
  .tuple(
    fc.constantFrom('a', 'b', 'é', '😀'),
    fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', '\n', 'é', '😀'), minLength: 3 }),
  )
  .map(([first, rest]) => first + rest);
const syntax = fc.constantFrom('**', '_', '~~', '`', '](/1)', '<!-- -->', '#', '[', '](<>)'.repeat(30));
const anyText = fc.string({
  unit: fc.constantFrom('a', 'b', '*', ' ', '\n', '😀', '\ud83d', 'x'),
  maxLength: 80,
});

describe('alignment invariants', () => {
  it('reports runs of identical text, ascending and disjoint on both sides, outside skipped source', () => {
    fc.assert(
      fc.property(anyText, anyText, fc.array(fc.tuple(fc.nat(80), fc.nat(10))), (src, out, skips) => {
        const skip = skips.map(([s, l]) => ({ start: s, end: s + l }));
        const al = alignRendered(src, out, skip);
        let lastSrc = 0;
        let lastOut = 0;
        for (const r of al.runs) {
          expect(r.len).toBeGreaterThan(0);
          expect(r.src).toBeGreaterThanOrEqual(lastSrc);
          expect(r.out).toBeGreaterThanOrEqual(lastOut);
          expect(out.slice(r.out, r.out + r.len)).toBe(src.slice(r.src, r.src + r.len));
          for (const s of skip)
            expect(s.start >= s.end || r.src + r.len <= s.start || r.src >= s.end).toBe(true);
          lastSrc = r.src + r.len;
          lastOut = r.out + r.len;
        }
      }),
    );
  });

  it('never cuts a surrogate pair', () => {
    fc.assert(
      fc.property(anyText, anyText, (src, out) => {
        const pairAt = (s: string, k: number) =>
          /[\ud800-\udbff]/.test(s[k - 1] ?? '') && /[\udc00-\udfff]/.test(s[k] ?? '');
        for (const r of alignRendered(src, out).runs) {
          for (const [s, a, b] of [
            [src, r.src, r.src + r.len],
            [out, r.out, r.out + r.len],
          ] as const) {
            expect(pairAt(s, a) || pairAt(s, b)).toBe(false);
          }
        }
      }),
    );
  });

  it('reports for a span rendered parts whose text is the source text there, in order', () => {
    fc.assert(
      fc.property(anyText, anyText, fc.nat(80), fc.nat(80), (src, out, a, b) => {
        const span = { start: Math.min(a, b), end: Math.max(a, b) };
        let last = -1;
        for (const p of renderedRanges(alignRendered(src, out), span)) {
          expect(p.start).toBeGreaterThanOrEqual(last);
          expect(p.end).toBeGreaterThan(p.start);
          expect(p.src).toBeGreaterThanOrEqual(span.start);
          expect(p.src + (p.end - p.start)).toBeLessThanOrEqual(span.end);
          expect(out.slice(p.start, p.end)).toBe(src.slice(p.src, p.src + (p.end - p.start)));
          last = p.end;
        }
      }),
    );
  });

  it('recovers every rendered character when syntax only was removed before text of 4 or more', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(syntax, textPiece), { minLength: 1, maxLength: 12 }), (parts) => {
        const src = parts.map(([s, t]) => s + t).join('');
        const out = parts.map(([, t]) => t).join('');
        const covered = alignRendered(src, out).runs.reduce((n, r) => n + r.len, 0);
        expect(covered).toBe(out.length);
      }),
    );
  });

  it('maps positions monotonically, exactly inside runs, end to end', () => {
    fc.assert(
      fc.property(anyText, anyText, (src, out) => {
        const al = alignRendered(src, out);
        for (const side of ['source', 'rendered'] as const) {
          const len = side === 'source' ? src.length : out.length;
          const other = side === 'source' ? out.length : src.length;
          expect(mapPosition(al, 0, side)).toBe(0);
          expect(mapPosition(al, len, side)).toBe(len > 0 ? other : 0);
          let prev = 0;
          for (let p = 0; p <= len; p++) {
            const q = mapPosition(al, p, side);
            expect(q).toBeGreaterThanOrEqual(prev);
            prev = q;
          }
        }
        for (const r of al.runs) {
          for (let d = 0; d < r.len; d++) {
            if (r.src + d > 0 && r.src + d < src.length)
              expect(mapPosition(al, r.src + d, 'source')).toBe(r.out + d);
            if (r.out + d > 0 && r.out + d < out.length)
              expect(mapPosition(al, r.out + d, 'rendered')).toBe(r.src + d);
          }
        }
      }),
    );
  });
});
