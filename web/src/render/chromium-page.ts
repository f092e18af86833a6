import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { openRenderPage } from './in-chromium.ts';

/**
 * For a describe block of browser tests: opens a page with `entry` loaded (see openRenderPage)
 * before its tests, runs `setUp` in it, closes it after. `page()` is the page once opened.
 */
export function chromiumPage(
  entry?: string,
  name?: string,
  setUp: (page: Page) => Promise<void> = async () => undefined,
): { page(): Page } {
  let browser: Browser | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    ({ browser, page } = await openRenderPage(entry, name));
    await setUp(page);
  }, 120_000);
  afterAll(async () => browser?.close());
  return {
    page() {
      if (!page) throw new Error('the Chromium page is not open yet');
      return page;
    },
  };
}
