import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveChromium, openRenderPage, timeRender } from './in-chromium.ts';
import { WORST_CASES } from './worst-cases.ts';

type Browser = import('playwright-core').Browser;
type Page = import('playwright-core').Page;
let browser: Browser | undefined;
let page: Page;

/**
 * Every worst case, rendered through the whole pipeline into a real page and laid out. The bound
 * is loose (the figures in docs/web.md are 10–140 ms on the reference machine) so that a busy
 * machine does not fail it; without the limits several of these took seconds, one minutes.
 */
describe.skipIf(!haveChromium)('the worst cases in Chromium', () => {
  beforeAll(async () => {
    ({ browser, page } = await openRenderPage());
  }, 120_000);
  afterAll(async () => browser?.close());

  it.each(Object.keys(WORST_CASES))('%s renders, formatted or as typed, in under a second', async (name) => {
    const t = await timeRender(page, WORST_CASES[name]!);
    expect(t.formatMs + t.layoutMs).toBeLessThan(1_000);
  });
});
