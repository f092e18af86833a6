import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, projectWithItems, startE2E } from './harness.ts';
import { selectInSpanText } from './span-text.ts';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

const FAMILY = '👩\u200d👩\u200d👧';
const FLAG = '🇫🇷';
const ACCENTED = 'cafe\u0301';
const HELLO = 'مرحبا';
const WORLD = 'بالعالم';
/** Emoji sequences, a combining accent and right-to-left Arabic: every way UTF-16 and code points differ. */
const TEXT = `Our ${FAMILY} family waved the flag ${FLAG} at the ${ACCENTED} and said ${HELLO} ${WORLD} to all.`;
const LABELS = ['EMOJI', 'FLAG', 'ACCENT', 'ARABIC'];

type Span = { start: number; end: number; label: string };
type Chip = Span & { shown: string };

const graphemes = (s: string) => [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(s)].length;
const coveredBy = (s: { start: number; end: number }) => [...TEXT].slice(s.start, s.end).join('');

/** The letter that labels with `label`, as the label bar announces it. */
async function keyOf(page: Page, label: string): Promise<string> {
  const key = await page
    .getByRole('button', { name: new RegExp(`${label}$`) })
    .getAttribute('aria-keyshortcuts');
  return key!.toLowerCase();
}

async function chips(page: Page): Promise<Chip[]> {
  return page.locator('.span-chip').evaluateAll((els) =>
    els.map((el) => {
      const d = (el as HTMLElement).dataset;
      const shown = el.querySelector('.excerpt')?.textContent ?? '';
      return { start: Number(d.start), end: Number(d.end), label: d.label ?? '', shown: shown.slice(1, -1) };
    }),
  );
}

/** From the start of the text: arrows to the first grapheme of `target`, Shift+arrows over it, its label letter. */
async function labelByKeyboard(page: Page, target: string, label: string): Promise<void> {
  const at = TEXT.indexOf(target);
  expect(at).toBeGreaterThanOrEqual(0);
  await page.getByTestId('span-text').focus();
  await page.keyboard.press('Home');
  for (let i = graphemes(TEXT.slice(0, at)); i > 0; i--) await page.keyboard.press('ArrowRight');
  for (let i = graphemes(target); i > 0; i--) await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press(await keyOf(page, label));
}

/** A real mouse drag from the left edge of the first grapheme of `target` to the right edge of its last. */
async function labelByDrag(page: Page, target: string, label: string): Promise<void> {
  const box = await page.getByTestId('span-text').evaluate((el, t) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.textContent!.indexOf(t);
      if (i < 0) continue;
      const r = document.createRange();
      r.setStart(n, i);
      r.setEnd(n, i + t.length);
      const rects = Array.from(r.getClientRects());
      const first = rects[0]!;
      const last = rects.at(-1)!;
      return {
        x0: first.left + 1,
        y0: first.top + first.height / 2,
        x1: last.right - 1,
        y1: last.top + last.height / 2,
      };
    }
    return undefined;
  }, target);
  expect(box).toBeDefined();
  await page.mouse.move(box!.x0, box!.y0);
  await page.mouse.down();
  await page.mouse.move((box!.x0 + box!.x1) / 2, box!.y1, { steps: 4 });
  await page.mouse.move(box!.x1, box!.y1, { steps: 4 });
  await page.mouse.up();
  await page.keyboard.press(await keyOf(page, label));
}

/** A DOM Range over `target` (as assistive tech or a double-click would leave it), then the mouse up. */
async function labelByRange(page: Page, target: string, label: string): Promise<void> {
  expect(await selectInSpanText(page, target)).toBe(true);
  await page.keyboard.press(await keyOf(page, label));
}

describe('span offsets', () => {
  it('span offsets typed in the browser equal the offsets the server stores', async () => {
    const manager = await e.user('manager');
    const { id, annotator } = await projectWithItems(
      e,
      manager,
      {
        name: 'Offsets',
        interface: {
          fields: [{ name: 'text', type: 'text' }],
          questions: [{ name: 'entities', type: 'spans', field: 'text', labels: LABELS }],
        },
      },
      [{ id: 'mixed', data: { text: TEXT } }],
    );

    const { page } = await e.open(annotator);
    await page.goto(`/projects/${id}/annotate`);
    await page.getByTestId('span-text').waitFor();

    const intended: Span[] = [];
    const mark = async (
      how: (p: Page, t: string, l: string) => Promise<void>,
      target: string,
      label: string,
    ) => {
      const before = await page.locator('.span-chip').count();
      await how(page, target, label);
      await page.waitForFunction((n) => document.querySelectorAll('.span-chip').length > n, before);
      const start = [...TEXT.slice(0, TEXT.indexOf(target))].length;
      intended.push({ start, end: start + [...target].length, label });
    };
    await mark(labelByKeyboard, FAMILY, 'EMOJI');
    await mark(labelByKeyboard, ACCENTED, 'ACCENT');
    await mark(labelByKeyboard, HELLO, 'ARABIC');
    await mark(labelByDrag, `flag ${FLAG}`, 'FLAG');
    await mark(labelByRange, WORLD, 'ARABIC');

    const byStart = (a: Span, b: Span) => a.start - b.start;
    const shown = (await chips(page)).sort(byStart);
    expect(shown.map(({ shown: _, ...s }) => s)).toEqual([...intended].sort(byStart));
    for (const chip of shown) expect(chip.shown).toBe(coveredBy(chip));

    await page.getByRole('button', { name: 'Submit' }).click();
    await page.getByText('All done').waitFor();

    const exported = await e.api.call(manager, 'GET', `/api/projects/${id}/export`);
    const [line] = String(exported.body)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const mine = line.annotations.filter((a: any) => a.annotator === annotator.email);
    expect(mine.map((a: any) => a.status)).toEqual(['submitted']);
    const stored: Span[] = [...mine[0].answers.entities].sort(byStart);
    expect(stored.map(({ start, end, label }) => ({ start, end, label }))).toEqual(
      shown.map(({ shown: _, ...s }) => s),
    );
    const texts = [FAMILY, ACCENTED, HELLO, `flag ${FLAG}`, WORLD];
    expect(stored.map(coveredBy).sort()).toEqual([...texts].sort());
    for (const [i, s] of stored.entries()) expect(coveredBy(s)).toBe(shown[i]!.shown);
  });
});
