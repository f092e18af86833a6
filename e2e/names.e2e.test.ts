import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUser } from '../server/users/users.repository.ts';
import { type E2E, projectWithItems, startE2E } from './harness.ts';

/**
 * Names stored before the name rule (written straight into the store here, as an old import or
 * an old API would have) must still be shown as what they are.
 */
const SPOOF = '\u202Egro.x@nimda';
/** How it must be drawn: in an isolating element, the override written out, reading left to right. */
const SHOWN_SAFELY = { tag: 'BDI', isolation: 'isolate', text: '[U+202E]gro.x@nimda', readsForward: true };

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

/**
 * Where the text `gro.x@nimda` is drawn: the element holding it, and whether its first letter
 * ("g") is drawn left of its last ("a"). A right-to-left override draws it reversed, reading
 * "admin@x.org".
 */
async function drawing(page: Page, scope: string) {
  return page.evaluate(
    ({ scope, text }) => {
      const root = document.querySelector(scope)!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(text);
        if (at === -1) continue;
        const box = (from: number) => {
          const range = document.createRange();
          range.setStart(node!, from);
          range.setEnd(node!, from + 1);
          return range.getBoundingClientRect();
        };
        const element = node.parentElement!;
        return {
          tag: element.tagName,
          isolation: getComputedStyle(element).unicodeBidi,
          text: element.textContent,
          readsForward: box(at).left < box(at + text.length - 1).left,
        };
      }
      return null;
    },
    { scope, text: 'gro.x@nimda' },
  );
}

describe('names stored before the rule', () => {
  it('shows a right-to-left override name on the users page isolated and written out, not as "admin@x.org"', async () => {
    const admin = await e.user('admin');
    await e.user('annotator', SPOOF);
    const { page } = await e.open(admin);
    await page.goto('/users');
    await page.getByRole('rowheader', { name: /gro\.x@nimda/ }).waitFor();
    expect(await drawing(page, 'table')).toEqual(SHOWN_SAFELY);
  });

  it('heads an item-detail column with such an annotator isolated and written out', async () => {
    const admin = await e.user('admin');
    const { id } = await projectWithItems(
      e,
      admin,
      {
        name: 'Names',
        interface: { fields: [{ name: 'text', type: 'text' }], questions: [{ name: 'ok', type: 'text' }] },
      },
      [{ data: { text: 'hello' }, annotations: [{ annotator: 'Legacy vendor', answers: { ok: 'yes' } }] }],
    );
    // As an import before the rule would have stored it.
    await e.verity.store.db
      .updateTable('users')
      .set({ name: SPOOF })
      .where('name', '=', 'Legacy vendor')
      .execute();
    const items = await e.api.call(admin, 'GET', `/api/projects/${id}/items`);
    const { page } = await e.open(admin);
    await page.goto(`/items/${items.body.items[0].id}`);
    await page.getByRole('heading', { name: /gro\.x@nimda/ }).waitFor();
    expect(await drawing(page, '.annotation-column h3')).toEqual(SHOWN_SAFELY);
  });

  it('keeps a page with a 1,000,000-character name as wide as the window', async () => {
    const admin = await e.user('admin');
    await insertUser(e.verity.store.db, {
      email: `long-${Date.now()}@example.org`,
      name: 'W'.repeat(1_000_000),
      role: 'annotator',
      passwordHash: null,
    });
    const { page } = await e.open(admin);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('/users');
    await page.getByRole('rowheader', { name: /^W+$/ }).waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(1280);
  });
});
