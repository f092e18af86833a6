import type { Browser } from 'playwright-core';
import { asSignedIn, type BrowserBenchServer } from './server.ts';

const IFACE = {
  fields: [{ name: 'text', type: 'text' }],
  questions: [{ name: 'label', type: 'choice', options: ['yes', 'no'], required: true }],
};

/**
 * Submit → next item visible, as the annotation view records it (`verity:submit-to-next`), over
 * `count` submits by keyboard after `warmup` unmeasured ones. One item more than submitted is
 * imported, so every measured submit ends on an item rather than on "All done".
 */
export async function measureSubmitToNext(
  server: BrowserBenchServer,
  browser: Browser,
  count: number,
  warmup: number,
): Promise<number[]> {
  const manager = await server.user('manager', 'Bench Manager');
  const annotator = await server.user('annotator', 'Bench Annotator');
  const total = warmup + count;
  const items = Array.from({ length: total + 1 }, (_, i) => ({
    id: `s${i}`,
    data: { text: `Item ${i}: is this sentence about the weather? It rained all afternoon.` },
  }));
  const projectId = await server.project(manager, IFACE, [annotator], items);

  return asSignedIn(browser, server, annotator, async (page) => {
    await page.goto(`/projects/${projectId}/annotate`);
    for (let i = 0; i < total; i++) {
      await page.getByRole('button', { name: 'Submit' }).and(page.locator(':enabled')).waitFor();
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
    return all.slice(warmup);
  });
}
