import { describe, expect, it } from 'vitest';
import { escapeHtml } from './escape.ts';
import { renderCode } from './highlight.ts';
import { decodeEntities, formatMarkdown, type Renderers } from './markdown.ts';
import { renderMath } from './math.ts';
import { renameHandlers } from './sanitize.ts';

/** The HTML of a text that must come out formatted. */
function html(src: string, renderers: Renderers = { math: renderMath, code: renderCode }): string {
  const out = formatMarkdown(src, renderers);
  if (!('html' in out)) throw new Error(`not formatted: ${out.unformatted.reason}`);
  return out.html;
}
const markdownToHtml = (src: string) => html(src);

/**
 * The Markdown stage in node. Its output still passes through DOMPurify (sanitize.ts, tested in
 * real Chromium by sanitize.test.ts); these tests check what this stage itself guarantees.
 */
describe('markdown rendering', () => {
  it.each([
    '[x](javascript:alert(1))',
    '[x](JAVASCRIPT:alert(1))',
    '[x](javascript&#58;alert(1))',
    '[x](&#x6A;avascript:alert(1))',
    '[x]( javascript:alert(1) )',
    '<javascript:alert(1)>',
    '[x][r]\n\n[r]: javascript:alert(1)',
  ])('never links to script: %j', (src) => {
    expect(markdownToHtml(src)).not.toMatch(/href="\s*(javascript|&#)/i);
  });

  it('opens links in a new tab without opener or referrer', () => {
    expect(markdownToHtml('[x](https://example.org)')).toContain(
      '<a href="https://example.org" rel="noopener noreferrer" target="_blank">x</a>',
    );
  });

  it('renders inline and display maths with KaTeX and leaves prices alone', () => {
    const html = markdownToHtml('Area $\\pi r^2$ costs $5 and $6.\n\n$$\\int_0^1 x\\,dx$$');
    expect(html).toContain('class="katex"');
    expect(html).toContain('class="math-display"');
    expect(html).toContain('costs $5 and $6');
  });

  it('keeps an escaped dollar literal', () => {
    expect(markdownToHtml('\\$x\\$')).not.toContain('katex');
  });

  it('refuses \\href, \\url and \\htmlClass in maths (trust: false)', () => {
    for (const tex of [
      '\\href{javascript:alert(1)}{x}',
      '\\url{javascript:alert(1)}',
      '\\htmlClass{x}{y}',
      '\\includegraphics{/a.png}',
    ]) {
      const html = renderMath(tex, false);
      expect(html).not.toMatch(/<a |href=|<img/);
    }
  });

  it('survives a macro bomb without hanging', () => {
    const bomb = '\\def\\a{\\b\\b}\\def\\b{\\c\\c}\\def\\c{\\d\\d}\\def\\d{xx}'.repeat(3) + '\\a'.repeat(200);
    const t0 = performance.now();
    renderMath(bomb, false);
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('highlights code and escapes markup inside it', () => {
    const html = markdownToHtml('```js\nconst s = "<script>alert(1)</script>";\n```');
    expect(html).toContain('hljs-keyword');
    expect(html).not.toContain('<script>');
    expect(markdownToHtml('```"><img src=x onerror=alert(1)>\nx\n```')).not.toMatch(/<img/);
  });

  it('shows maths as TeX and code unhighlighted when their renderers are not loaded', () => {
    const out = html('Area $\\pi r^2$.\n\n```js\nconst s = "<b>";\n```', {});
    expect(out).toContain('<code>\\pi r^2</code>');
    expect(out).toContain('<pre><code class="hljs">const s = &#34;&#60;b&#62;&#34;;</code></pre>');
    expect(out).not.toContain('katex');
  });

  it('renames inline event handlers before parsing', () => {
    expect(renameHandlers('<img src=x onerror=alert(1)><svg/onload=alert(1)>')).toBe(
      '<img src=x data-blocked-onerror=alert(1)><svg/data-blocked-onload=alert(1)>',
    );
    expect(renameHandlers('text on=1 stays')).toBe('text on=1 stays');
  });
});

/**
 * What a reader sees of `src`: its text, with each formula as ⟦TeX⟧ (inline) or ⟦⟦TeX⟧⟧
 * (display), the TeX exactly as it reaches KaTeX.
 */
function seen(src: string): string {
  const marked = html(src, {
    math: (tex, display) => (display ? `⟦⟦${escapeHtml(tex)}⟧⟧` : `⟦${escapeHtml(tex)}⟧`),
  });
  const text = marked
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"');
  return decodeEntities(text).trim();
}

/** Real-looking maths from tutors' items: each becomes exactly this formula, or stays exactly this text. */
const MATHS_CORPUS: [string, string][] = [
  // Set notation: escaped braces, also as the last thing before the closing dollar.
  ['Let $x\\in\\{2,3\\}$.', 'Let ⟦x\\in\\{2,3\\}⟧.'],
  ['$A = \\{1, 2\\}$ and $B=\\{\\}$', '⟦A = \\{1, 2\\}⟧ and ⟦B=\\{\\}⟧'],
  ['$S=\\{x\\in\\mathbb{R} \\mid x>0\\}$ is open', '⟦S=\\{x\\in\\mathbb{R} \\mid x>0\\}⟧ is open'],
  // Spacing commands, also last.
  ['$a+b\\,$', '⟦a+b\\,⟧'],
  ['$\\int_0^1 f(x)\\,dx$', '⟦\\int_0^1 f(x)\\,dx⟧'],
  ['$a\\;b$ and $a\\!b$ and $a\\;$ and $b\\!$', '⟦a\\;b⟧ and ⟦a\\!b⟧ and ⟦a\\;⟧ and ⟦b\\!⟧'],
  // An escaped space does not end a formula: the closing `$` needs a non-space before it.
  ['$x\\quad y$, $x\\ $', '⟦x\\quad y⟧, $x\\ $'],
  ['$a\\\\$', '⟦a\\\\⟧'],
  // A dollar inside maths, escaped.
  ['$\\$5 + \\$6$', '⟦\\$5 + \\$6⟧'],
  ['$5\\$$', '⟦5\\$⟧'],
  // Dollars in prose: escaped, prices, a lone sign, spaces just inside.
  ['It costs \\$5.', 'It costs $5.'],
  ['from \\$5 to \\$6', 'from $5 to $6'],
  ['costs $5 and $6', 'costs $5 and $6'],
  ['between $5 and $10 each', 'between $5 and $10 each'],
  ['$5, $10 or $20', '$5, $10 or $20'],
  ['a $ sign', 'a $ sign'],
  ['$ x$ and $x $', '$ x$ and $x $'],
  ['$x$1', '$x$1'],
  ['US$5 or $5US', 'US$5 or $5US'],
  // Never across a line inside a paragraph.
  ['$a\nb$', '$a\nb$'],
  // Code is never maths.
  ['`$x$` and `\\$`', '$x$ and \\$'],
  ['Run `echo $HOME` then `$PATH`', 'Run echo $HOME then $PATH'],
  ['```\nprice=$5; x=$y$\n$$z$$\n```', 'price=$5; x=$y$\n$$z$$'],
  ['```tex\n\\{a\\}\n```', '\\{a\\}'],
  ['    $x$ is indented code', '$x$ is indented code'],
  // Emphasis and link characters inside maths stay TeX.
  ['$a_1 + b_2$ and $x*y*z$', '⟦a_1 + b_2⟧ and ⟦x*y*z⟧'],
  ['$[0,1)$ and $f[x]$', '⟦[0,1)⟧ and ⟦f[x]⟧'],
  ['$a<b$ and $c>d$', '⟦a<b⟧ and ⟦c>d⟧'],
  // Several on a line, after other inline tokens.
  ['$a$, $b$ and $c$', '⟦a⟧, ⟦b⟧ and ⟦c⟧'],
  ['**bold** _em_ [link](https://e.org) `code` then $x^2$', 'bold em link code then ⟦x^2⟧'],
  // Display maths: on lines of its own, inside a paragraph, with escapes.
  ['$$\n\\sum_{i=1}^n i = \\frac{n(n+1)}{2}\n$$', '⟦⟦\\sum_{i=1}^n i = \\frac{n(n+1)}{2}⟧⟧'],
  ['$$x^2$$', '⟦⟦x^2⟧⟧'],
  ['Inline $$x^2$$ display', 'Inline ⟦⟦x^2⟧⟧ display'],
  ['$$\n\\{a,b\\}\\,\n$$', '⟦⟦\\{a,b\\}\\,⟧⟧'],
  ['$$\n\\text{costs \\$5}\n$$', '⟦⟦\\text{costs \\$5}⟧⟧'],
  ['Text\n$$\nx\n$$\nmore', 'Text\n⟦⟦x⟧⟧\nmore'],
  // Not maths: \( \) and \[ \] are escaped brackets in Markdown; empty dollars.
  ['\\(x\\) and \\[1\\]', '(x) and [1]'],
  ['$$ and $', '$$ and $'],
];

describe('maths delimiters', () => {
  it.each(MATHS_CORPUS)('%j reads as %j', (src, expected) => {
    expect(seen(src)).toBe(expected);
  });

  it.each(['x\\in\\{2,3\\}', 'a+b\\,', '\\$5 + \\$6'])('passes %j to KaTeX exactly as typed', (tex) => {
    const out = markdownToHtml(`Here $${tex}$.`);
    expect(out).toContain('class="katex"');
    expect(out).toContain(
      `<annotation encoding="application/x-tex">${escapeHtml(tex).replace(/&#39;/g, "'")}</annotation>`,
    );
  });
});
