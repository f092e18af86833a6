import { describe, expect, it } from 'vitest';
import { chromiumPresent } from '../../../e2e/chromium.ts';
import { chromiumPage } from './chromium-page.ts';
import type { RenderApi } from './in-chromium.ts';

/**
 * DOMPurify needs a real DOM, and node has none without another package, so this test runs the
 * rendering pipeline (rich-text.ts) in real Chromium (in-chromium.ts). Where Chromium is not
 * installed it is skipped, except under CI, where it fails (e2e/chromium.ts).
 */
describe.skipIf(!chromiumPresent())('sanitised rendering in Chromium', () => {
  const chromium = chromiumPage(undefined, undefined, (page) =>
    page.evaluate(() => {
      const w = window as unknown as { pwned: string[]; alert: (m: string) => void };
      w.pwned = [];
      w.alert = (m) => void w.pwned.push(String(m));
    }),
  );

  /** Renders `src` into the live page, waits for anything it might trigger, returns the HTML. */
  async function render(src: string): Promise<{ html: string; pwned: string[] }> {
    return chromium.page().evaluate(async (s) => {
      const w = window as unknown as { Render: RenderApi; pwned: string[] };
      const out = document.getElementById('out')!;
      await w.Render.prepareRichText(s);
      const result = w.Render.renderRichText(s);
      if (!('html' in result)) throw new Error(`not formatted: ${result.unformatted.reason}`);
      out.innerHTML = result.html;
      await new Promise((r) => setTimeout(r, 50));
      for (const a of Array.from(out.querySelectorAll('a')))
        a.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 50));
      return { html: out.innerHTML, pwned: [...w.pwned] };
    }, src);
  }

  it.each([
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '[x](javascript:alert(1))',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<svg><script>alert(1)</script></svg>',
    '<svg onload=alert(1)><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
    '<iframe src="javascript:alert(1)"></iframe>',
    '<form action="javascript:alert(1)"><button>go</button></form>',
    '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">',
    '<details open ontoggle=alert(1)>x</details>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    '$\\href{javascript:alert(1)}{click}$',
  ])('runs no script from %j', async (src) => {
    const { html, pwned } = await render(src);
    expect(pwned).toEqual([]);
    expect(html).not.toMatch(/<(script|iframe|form|object|embed|button)\b|\son\w+=|="\s*javascript:/i);
  });

  it('drops style and link tags and remote images, keeps same-origin and data images', async () => {
    const { html } = await render(
      '<style>body{display:none}</style><link rel=stylesheet href="https://evil.example/x.css">' +
        '<img src="https://tracker.example/p.gif"><img src="/a.png"><img src="data:image/png;base64,iVBORw0KGgo=">',
    );
    expect(html).not.toMatch(/<style|<link|tracker/);
    expect(html).toContain('src="https://verity.test/a.png"');
    expect(html).toContain('src="data:image/png;base64,iVBORw0KGgo="');
  });

  it('gives links a new tab without opener or referrer and strips overlay styles', async () => {
    const { html } = await render(
      '<a href="https://example.org" target="_self">x</a><div style="position:fixed;inset:0">y</div>',
    );
    expect(html).toContain('rel="noopener noreferrer"');
    expect(html).toContain('target="_blank"');
    expect(html).not.toContain('position');
  });

  it('keeps KaTeX maths and highlighted code intact', async () => {
    const { html } = await render('$\\frac{a}{b}$ and\n\n```python\nx = 1\n```');
    expect(html).toContain('class="katex"');
    expect(html).toMatch(/style="height:[\d.]+em/);
    expect(html).toContain('hljs-number');
  });
});
