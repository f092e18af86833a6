import type { Page } from 'playwright-core';

/**
 * Selects the first occurrence of `target` in the span text as a DOM Range (as assistive tech or
 * a drag leaves it), between a mouse down and a mouse up on the text. False when it is not there.
 */
export function selectInSpanText(page: Page, target: string): Promise<boolean> {
  return page.getByTestId('span-text').evaluate((el, t) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.textContent!.indexOf(t);
      if (i < 0) continue;
      el.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, button: 0 }));
      const r = document.createRange();
      r.setStart(n, i);
      r.setEnd(n, i + t.length);
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(r);
      el.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, button: 0, detail: 1 }));
      return true;
    }
    return false;
  }, target);
}
