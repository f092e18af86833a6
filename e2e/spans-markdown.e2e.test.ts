import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestUser } from '../server/testing/harness.ts';
import { type E2E, projectWithItems, startE2E } from './harness.ts';
import { selectInSpanText } from './span-text.ts';

let e: E2E;
let projectId: number;
let manager: TestUser;
beforeAll(async () => {
  e = await startE2E();
  manager = await e.user('manager');
  const created = await projectWithItems(
    e,
    manager,
    {
      name: 'Maths errors',
      interface: {
        fields: [{ name: 'answer', label: 'Answer', type: 'text', format: 'markdown' }],
        questions: [{ name: 'errors', type: 'spans', field: 'answer', labels: ['ERROR', 'GOOD'] }],
      },
      // Every test opens the item as its own annotator.
      overlap: 10,
    } as { name: string; interface: unknown },
    [{ id: 'chain', data: { answer: TEXT } }],
  );
  projectId = created.id;
});
afterAll(async () => e?.close());

const FILLER = Array.from(
  { length: 80 },
  (_, k) => `Paragraph ${k + 1}: the series converges because each term is smaller than the one before.`,
);
const TEXT = [
  '# Chain rule',
  '',
  'The derivative of $x^2$ is $2x$, which **the same result** shows again.',
  '',
  '$$\\int_0^1 2x e^{x^2}\\,dx = e - 1$$',
  '',
  ...FILLER.flatMap((p) => [p, '']),
  'The end.',
].join('\n');

/** The item open in the annotation view of a fresh annotator, in a wide window. */
async function openItem(): Promise<Page> {
  const annotator = await e.user('annotator');
  const added = await e.api.call(manager, 'POST', `/api/projects/${projectId}/members`, {
    email: annotator.email,
  });
  expect([200, 201]).toContain(added.status);
  const { page } = await e.open(annotator);
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(`/projects/${projectId}/annotate`);
  await page.getByTestId('span-text').waitFor();
  return page;
}

const source = (page: Page) => page.getByTestId('span-text');
const rendered = (page: Page) => page.getByTestId('rendered-pane');

/** The text of every range a highlight paints inside the rendered pane. */
function painted(page: Page, name: string): Promise<string[]> {
  return page.evaluate((n) => {
    const pane = document.querySelector('[data-testid="rendered-pane"]');
    const h = (CSS.highlights as unknown as Map<string, Set<Range>>).get(n);
    return [...(h ?? [])].filter((r) => pane?.contains(r.startContainer)).map((r) => r.toString());
  }, name);
}

/** Selects `target` in the source as a drag leaves it and presses `key`. */
async function label(page: Page, target: string, key: string): Promise<void> {
  expect(await selectInSpanText(page, target)).toBe(true);
  await page.keyboard.press(key);
}

/** Which "Paragraph N" is at the top of a scrolled box: the number, or 0 above the first. */
function paragraphAtTop(box: Locator): Promise<number> {
  return box.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.caretPositionFromPoint(r.left + 24, r.top + 14);
    const node = hit?.offsetNode;
    if (!node || node.nodeType !== Node.TEXT_NODE) return -1;
    const before = (node as Text).data.slice(0, hit.offset + 1);
    const all = [...before.matchAll(/Paragraph (\d+)/g)];
    if (all.length > 0) return Number(all.at(-1)![1]);
    const own = /Paragraph (\d+)/.exec((node as Text).data);
    return own ? Number(own[1]) : 0;
  });
}

describe('a spans question over a Markdown field', () => {
  it('shows the rendered field, formulas drawn, beside the raw source, and under it when narrow', async () => {
    const page = await openItem();
    await rendered(page).locator('.katex').first().waitFor();
    expect(await source(page).textContent()).toContain('$x^2$');
    let s = (await source(page).boundingBox())!;
    let r = (await rendered(page).boundingBox())!;
    expect(r.x).toBeGreaterThanOrEqual(s.x + s.width);
    expect(Math.abs(r.y - s.y)).toBeLessThan(5);

    await page.setViewportSize({ width: 600, height: 900 });
    await expect.poll(async () => (await rendered(page).boundingBox())!.x).toBeLessThan(s.x + s.width);
    s = (await source(page).boundingBox())!;
    r = (await rendered(page).boundingBox())!;
    expect(r.y).toBeGreaterThanOrEqual(s.y + s.height);
  });

  it('paints a span labelled in the source over the same words in the rendered pane', async () => {
    const page = await openItem();
    await page.locator('[data-testid="rendered-pane"][data-aligned]').waitFor();
    await label(page, 'the same result', 'e');
    await page.locator('[data-testid="rendered-pane"][data-painted="1"]').waitFor();
    expect(await painted(page, 'verity-span-0')).toEqual(['the same result']);
    expect(await rendered(page).locator('strong').textContent()).toBe('the same result');
  });

  it('hides the rendered pane from the keyboard, and keeps it hidden after a reload', async () => {
    const page = await openItem();
    await rendered(page).waitFor();
    const hide = page.getByRole('button', { name: 'Hide the rendered text' });
    expect(await hide.getAttribute('aria-expanded')).toBe('true');
    await hide.focus();
    await page.keyboard.press('Enter');
    await rendered(page).waitFor({ state: 'detached' });
    await page.reload();
    await source(page).waitFor();
    const show = page.getByRole('button', { name: 'Show the rendered text' });
    expect(await show.getAttribute('aria-expanded')).toBe('false');
    expect(await rendered(page).count()).toBe(0);
    await show.click();
    await rendered(page).locator('.katex').first().waitFor();
  });

  it('selects the whole $x^2$ on a double-click inside it', async () => {
    const page = await openItem();
    const at = await source(page).evaluate((el) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = n.textContent!.indexOf('$x^2$');
        if (i < 0) continue;
        const r = document.createRange();
        r.setStart(n, i + 1);
        r.setEnd(n, i + 2);
        const b = r.getBoundingClientRect();
        return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
      }
      return undefined;
    });
    expect(at).toBeDefined();
    await page.mouse.dblclick(at!.x, at!.y);
    await expect.poll(() => source(page).locator('.sel').allTextContents()).toEqual(['$x^2$']);
    await page.keyboard.press('e');
    await expect
      .poll(() => page.locator('.span-chip').evaluateAll((els) => els.map((el) => el.textContent)))
      .toEqual([expect.stringContaining('“$x^2$”')]);
  });

  it('scrolls the rendered pane with the source, to the same paragraph, and back', async () => {
    const page = await openItem();
    await page.locator('[data-testid="rendered-pane"][data-aligned]').waitFor();
    const box = (await source(page).boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, 2500);
    await expect.poll(() => paragraphAtTop(source(page))).toBeGreaterThan(10);
    await expect
      .poll(async () =>
        Math.abs((await paragraphAtTop(rendered(page))) - (await paragraphAtTop(source(page)))),
      )
      .toBeLessThanOrEqual(1);

    const before = await paragraphAtTop(source(page));
    const pane = (await rendered(page).boundingBox())!;
    await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
    await page.mouse.wheel(0, 1000);
    await expect.poll(() => paragraphAtTop(source(page))).toBeGreaterThan(before + 5);
    await expect
      .poll(async () =>
        Math.abs((await paragraphAtTop(rendered(page))) - (await paragraphAtTop(source(page)))),
      )
      .toBeLessThanOrEqual(1);
  });
});
