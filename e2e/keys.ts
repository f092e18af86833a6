import type { Locator, Page } from 'playwright-core';

/**
 * Presses Tab (Shift+Tab with `back`) until `target` has the focus, as a keyboard user reaches a
 * control; fails after `max` presses.
 */
export async function tabTo(page: Page, target: Locator, opts: { back?: boolean; max?: number } = {}) {
  const max = opts.max ?? 80;
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(opts.back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${target} did not get the focus within ${max} presses of Tab`);
}

/** The letter ("A", "B"…) under which the candidate whose text holds `marker` is shown. */
export async function letterShowing(page: Page, marker: string): Promise<string> {
  await page.locator('.candidate', { hasText: marker }).first().waitFor();
  const letters = await page
    .locator('.candidate')
    .evaluateAll(
      (els, m) =>
        els.filter((el) => el.textContent?.includes(m)).map((el) => (el as HTMLElement).dataset.candidate),
      marker,
    );
  if (letters.length !== 1 || !letters[0]) throw new Error(`no single candidate shows "${marker}"`);
  return letters[0];
}
