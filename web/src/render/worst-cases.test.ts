import { describe, expect, it } from 'vitest';
import { chromiumPresent } from '../../../e2e/chromium.ts';
import { chromiumPage } from './chromium-page.ts';
import { timeRender } from './in-chromium.ts';
import { WORST_CASES } from './worst-cases.ts';

/**
 * Every worst case, rendered through the whole pipeline into a real page and laid out. The bound
 * is loose (the figures in docs/web.md are 10–140 ms on the reference machine) so that a busy
 * machine does not fail it; without the limits several of these took seconds, one minutes.
 */
describe.skipIf(!chromiumPresent())('the worst cases in Chromium', () => {
  const chromium = chromiumPage();

  it.each(Object.keys(WORST_CASES))('%s renders, formatted or as typed, in under a second', async (name) => {
    const t = await timeRender(chromium.page(), WORST_CASES[name]!);
    expect(t.formatMs + t.layoutMs).toBeLessThan(1_000);
  });
});
