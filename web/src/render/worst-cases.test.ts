import { describe, expect, it } from 'vitest';
import { chromiumPresent } from '../../../e2e/chromium.ts';
import { chromiumPage } from './chromium-page.ts';
import { timeRender } from './in-chromium.ts';
import { MAX_ELEMENTS } from './limits.ts';
import { WORST_CASES } from './worst-cases.ts';

/**
 * Every worst case, rendered through the whole pipeline into a real page and laid out: each comes
 * out formatted, or as typed with its reason, and never larger than the element limit. What makes
 * them quick is deterministic and tested without a clock (limits.test.ts: the parse-step budget,
 * the nesting and element limits); how long they take is measured, not asserted
 * (measure-limits.ts, figures in docs/web.md: 10–140 ms on the reference machine, where several
 * took seconds, one minutes, without the limits). A case that hung would fail on the test timeout.
 */
describe.skipIf(!chromiumPresent())('the worst cases in Chromium', () => {
  const chromium = chromiumPage();

  it.each(Object.keys(WORST_CASES))(
    '%s renders, formatted or as typed, within the element limit',
    async (name) => {
      const page = chromium.page();
      const t = await timeRender(page, WORST_CASES[name]!);
      if (!t.formatted) expect(t.reason, 'shown as typed, with its reason').toBeTruthy();
      const elements = await page.evaluate(
        () => document.getElementById('out')!.getElementsByTagName('*').length,
      );
      expect(elements).toBeLessThanOrEqual(MAX_ELEMENTS);
    },
  );
});
