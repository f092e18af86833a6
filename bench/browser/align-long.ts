import type { Browser } from 'playwright-core';
import { withSpansDraft } from './open-long.ts';
import type { BrowserBenchServer } from './server.ts';

const IFACE = {
  fields: [{ name: 'answer', type: 'text', format: 'markdown' }],
  questions: [{ name: 'errors', type: 'spans', field: 'answer', labels: ['PERSON', 'PLACE', 'THING'] }],
};

/**
 * About `chars` characters of a worked answer in Markdown, the same every time: headings, bold and
 * italic words, links with long targets, inline and display formulas, lists and code spans.
 */
export function markdownText(chars: number): string {
  const parts: string[] = [];
  let length = 0;
  for (let k = 0; length < chars; k++) {
    const part =
      k % 10 === 0
        ? `## Step ${k / 10 + 1}\n\n`
        : k % 10 === 5
          ? `$$\\int_0^{${k}} 2x e^{x^2}\\,dx = e^{${k * k}} - 1$$\n\n`
          : k % 10 === 7
            ? `- the term $a_{${k}}$ is **bounded**\n- see \`lemma ${k}\` and [the notes](https://example.org/notes/chapter/${k}#proof)\n\n`
            : `By the chain rule, the derivative of $x^{${k}}$ is $${k}x^{${k - 1}}$, so the *series* converges for every $|x| < 1$ as claimed in part ${k}.\n\n`;
    parts.push(part);
    length += part.length;
  }
  return parts.join('').slice(0, chars);
}

/**
 * The rendered pane of a `chars`-character Markdown item whose draft holds `spans` spans: the
 * median over `runs` opens of the alignment of its rendered text with the source
 * (`verity:spans-align`) and of painting the spans over it (`verity:spans-paint`), as the pane
 * measures them in the page.
 */
export function measureAlignLong(
  server: BrowserBenchServer,
  browser: Browser,
  chars: number,
  spans: number,
  runs: number,
): Promise<{ alignMs: number; paintMs: number }> {
  const item = { iface: IFACE, data: { answer: markdownText(chars) }, question: 'errors', chars, spans };
  return withSpansDraft(server, browser, item, async (page, projectId) => {
    const align: number[] = [];
    const paint: number[] = [];
    for (let r = 0; r < runs; r++) {
      await page.goto(`/projects/${projectId}/annotate`);
      await page
        .locator(`[data-testid="rendered-pane"][data-painted="${spans}"]`)
        .waitFor({ timeout: 30_000 });
      const [a, p] = await page.evaluate(() =>
        ['verity:spans-align', 'verity:spans-paint'].map(
          (n) => performance.getEntriesByName(n).at(-1)!.duration,
        ),
      );
      align.push(a!);
      paint.push(p!);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    return { alignMs: median(align), paintMs: median(paint) };
  });
}
