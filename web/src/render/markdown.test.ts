import { describe, expect, it } from 'vitest';
import { renderCode } from './highlight.ts';
import { markdownToHtml as render } from './markdown.ts';
import { renderMath } from './math.ts';
import { renameHandlers } from './sanitize.ts';

const markdownToHtml = (src: string) => render(src, { math: renderMath, code: renderCode });

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
    const html = render('Area $\\pi r^2$.\n\n```js\nconst s = "<b>";\n```');
    expect(html).toContain('<code>\\pi r^2</code>');
    expect(html).toContain('<pre><code class="hljs">const s = &#34;&#60;b&#62;&#34;;</code></pre>');
    expect(html).not.toContain('katex');
  });

  it('renames inline event handlers before parsing', () => {
    expect(renameHandlers('<img src=x onerror=alert(1)><svg/onload=alert(1)>')).toBe(
      '<img src=x data-blocked-onerror=alert(1)><svg/data-blocked-onload=alert(1)>',
    );
    expect(renameHandlers('text on=1 stays')).toBe('text on=1 stays');
  });
});
