import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { graphemeBoundaries } from '../../../../core/interface/index.ts';
import { snapToTex, type TexTokens, texTokenAround, texTokens } from './tex-tokens.ts';
import { indexText } from './text-index.ts';

/** The source text of each formula (or, with `commands`, each command) of `text`. */
const shown = (text: string, which: 'maths' | 'commands' = 'maths') => {
  const tex = texTokens(indexText(text));
  return tex[which].map((t) => [...text].slice(t.start, t.end).join(''));
};
const cut = (text: string, r: { start: number; end: number }) => [...text].slice(r.start, r.end).join('');

describe('maths tokens', () => {
  it('finds inline, inline display and block display formulas', () => {
    const text = 'Let $x^2$ and $$y$$ be.\n\n$$\n\\int_0^1 2x\\,dx\n$$\nafter';
    expect(shown(text)).toEqual(['$x^2$', '$$y$$', '$$\n\\int_0^1 2x\\,dx\n$$']);
    expect(texTokens(indexText(text)).maths.map((t) => t.kind)).toEqual(['inline', 'display', 'display']);
  });

  it('treats an escaped dollar as a dollar sign, not a delimiter', () => {
    expect(shown('costs \\$5, and \\$x$ is not maths')).toEqual([]);
    expect(shown('$a \\$ b$')).toEqual(['$a \\$ b$']);
  });

  it('finds no maths inside code spans or fenced code', () => {
    expect(shown('`$x$` and ``a ` $y$`` then $z$')).toEqual(['$z$']);
    expect(shown('```\n$x$\n$$\ny\n$$\n```\n$w$')).toEqual(['$w$']);
    expect(shown('~~~~ tex\n$x$\n~~~\nstill code $y$\n~~~~\n$v$')).toEqual(['$v$']);
    expect(shown('```a`b\n$u$')).toEqual(['$u$']);
  });

  it('leaves an unclosed dollar as text, and prices alone', () => {
    expect(shown('an unclosed $x and more')).toEqual([]);
    expect(shown('an unclosed $$x and more')).toEqual([]);
    expect(shown('it costs $5 and $6 today')).toEqual([]);
    expect(shown('no $ space$ inside, nor $space $ either')).toEqual([]);
    expect(shown('inline maths does not cross\n a line: $a\nb$')).toEqual([]);
    expect(shown('nor a paragraph: $$a\n\nb$$ end')).toEqual([]);
    expect(shown('while $$a\nb$$ is one')).toEqual(['$$a\nb$$']);
  });

  it('keeps a formula whose content ends in an escaped character', () => {
    expect(shown('$x\\in\\{2,3\\}$ ok')).toEqual(['$x\\in\\{2,3\\}$']);
  });

  it('finds commands and control symbols inside formulas only', () => {
    const text = '\\alpha outside; $\\frac{a}{b} \\, \\{x\\}$ and $$\\int_0^1$$';
    expect(shown(text, 'commands')).toEqual(['\\frac', '\\,', '\\{', '\\}', '\\int']);
  });

  it('counts offsets in code points past astral characters', () => {
    const text = '😀 $x$ 👩‍👩‍👧 $\\beta$';
    const tex = texTokens(indexText(text));
    expect(tex.maths.map((t) => cut(text, t))).toEqual(['$x$', '$\\beta$']);
    expect(tex.maths[0]!.start).toBe(2);
  });

  it('tokenises adversarial texts of 50,000 characters in one pass', () => {
    for (const unit of ['$', '$$\n', '`', '``a`', '$a', '\\', '$$a$$ b\n', '```\n']) {
      const text = unit.repeat(Math.ceil(50_000 / unit.length));
      const t0 = performance.now();
      texTokens(indexText(text));
      // One pass takes a few ms; a scan to the end from every `$` or backtick, seconds.
      expect(performance.now() - t0, unit).toBeLessThan(1000);
    }
  });

  it('returns ascending, disjoint tokens on grapheme boundaries, commands inside formulas', () => {
    const piece = fc.constantFrom('$', '$$', '\\', '\\frac', '`', '```', '\n', ' ', 'x', '2', '{', 'é', '😀');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        const tex = texTokens(indexText(text));
        const bounds = graphemeBoundaries(text);
        for (const list of [tex.maths, tex.commands]) {
          for (const [k, t] of list.entries()) {
            expect(t.start).toBeLessThan(t.end);
            expect(bounds.has(t.start) && bounds.has(t.end)).toBe(true);
            if (k > 0) expect(list[k - 1]!.end).toBeLessThanOrEqual(t.start);
          }
        }
        for (const c of tex.commands) {
          expect(tex.maths.some((m) => m.start + m.delim <= c.start && c.end <= m.end - m.delim)).toBe(true);
        }
      }),
    );
  });
});

describe('snapping a selection to TeX', () => {
  const text = 'Then $x^2 + \\frac{1}{2}$ grows, and $$\\int_0^1 2x e^{x^2}\\,dx$$ too.';
  const tex: TexTokens = texTokens(indexText(text));
  const at = (s: string, from = 0) => [...text.slice(0, text.indexOf(s, from))].length;
  const snapped = (a: number, b: number, whole = false) =>
    cut(text, snapToTex(tex, { start: a, end: b }, whole));

  it('selects the whole formula on a double-click inside it', () => {
    const x = at('x^2');
    expect(snapped(x, x + 1, true)).toBe('$x^2 + \\frac{1}{2}$');
    expect(snapped(x, x, true)).toBe('$x^2 + \\frac{1}{2}$');
  });

  it('selects the whole command on a double-click on its name', () => {
    const frac = at('frac');
    expect(snapped(frac, frac + 4, true)).toBe('\\frac');
  });

  it('leaves a double-click outside maths as the browser chose it', () => {
    const grows = at('grows');
    expect(snapped(grows, grows + 5, true)).toBe('grows');
  });

  it('widens an edge inside a formula to the formula when the selection leaves it', () => {
    expect(snapped(at('Then'), at('^2'))).toBe('Then $x^2 + \\frac{1}{2}$');
    expect(snapped(at('2 +'), at(' grows') + 6)).toBe('$x^2 + \\frac{1}{2}$ grows');
  });

  it('keeps a selection within one formula, widened to whole commands', () => {
    expect(snapped(at('2x'), at(' e^'))).toBe('2x');
    expect(snapped(at('nt_0'), at('_0'))).toBe('\\int');
    expect(snapped(at('2x'), at('dx') - 1)).toBe('2x e^{x^2}\\,');
  });

  it('never splits a $$ delimiter', () => {
    const open = at('$$');
    expect(snapped(open + 1, at('2x'))).toBe('$$\\int_0^1 ');
    const close = at('$$', open + 2);
    expect(snapped(at('dx'), close + 1)).toBe('dx$$');
  });

  it('only ever widens a selection', () => {
    fc.assert(
      fc.property(fc.nat(text.length), fc.nat(text.length), fc.boolean(), (a, b, whole) => {
        const range = { start: Math.min(a, b), end: Math.max(a, b) };
        const r = snapToTex(tex, range, whole);
        expect(r.start).toBeLessThanOrEqual(range.start);
        expect(r.end).toBeGreaterThanOrEqual(range.end);
      }),
    );
  });

  it('finds the innermost token around a caret', () => {
    expect(texTokenAround(tex, at('rac'), at('rac'))?.kind).toBe('command');
    expect(texTokenAround(tex, at(' + '), at(' + '))?.kind).toBe('inline');
    expect(texTokenAround(tex, at('grows'), at('grows'))).toBeUndefined();
  });
});
