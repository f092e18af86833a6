import type { Browser } from 'playwright-core';
import { asSignedIn, type BrowserBenchServer } from './server.ts';
import { longAnswer } from './tutoring-data.ts';

const IFACE = {
  fields: [
    { name: 'prompt', type: 'text', format: 'markdown' },
    { name: 'pair', type: 'responses' },
  ],
  questions: [{ name: 'better', type: 'pairwise', field: 'pair', required: true }],
};

/**
 * Pairwise submit → next item visible, as the annotation view records it (`verity:submit-to-next`),
 * each item two answers of `words` words with maths and code (different on every item, so nothing
 * is formatted in advance): `count` submits by keyboard (digit 1, "A much better", then Enter)
 * after `warmup` unmeasured ones, each a moment after the answers are on screen.
 */
export async function measurePairwiseNext(
  server: BrowserBenchServer,
  browser: Browser,
  opts: { count: number; warmup: number; words: number },
): Promise<number[]> {
  const manager = await server.user('manager', 'Bench Manager');
  const annotator = await server.user('annotator', 'Bench Annotator');
  const total = opts.warmup + opts.count;
  const items = Array.from({ length: total + 1 }, (_, i) => ({
    id: `pair${i}`,
    data: {
      prompt: `Prove the bound for case ${i}: $\\int_0^1 f \\leq C$.`,
      pair: [
        { id: `a${i}`, content: longAnswer(opts.words, 2 * i) },
        { id: `b${i}`, content: longAnswer(opts.words, 2 * i + 1) },
      ],
    },
  }));
  const projectId = await server.project(manager, IFACE, [annotator], items);
  return asSignedIn(browser, server, annotator, async (page) => {
    await page.goto(`/projects/${projectId}/annotate`);
    for (let i = 0; i < total; i++) {
      await page.getByRole('button', { name: 'Submit' }).and(page.locator(':enabled')).waitFor();
      // The tutor reads before judging: the parts near the view are formatted before the submit
      // (a frame or two after the first screen), so the submit does not race that work.
      await page.locator('.candidate .rich-text:not([aria-busy]) .katex').first().waitFor();
      await page.waitForTimeout(250);
      await page.keyboard.press('1');
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        (n) => performance.getEntriesByName('verity:submit-to-next').length >= n,
        i + 1,
        { polling: 'raf' },
      );
    }
    const all = await page.evaluate(() =>
      performance.getEntriesByName('verity:submit-to-next').map((e) => e.duration),
    );
    return all.slice(opts.warmup);
  });
}
