import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, projectWithItems, startE2E } from './harness.ts';

/**
 * Markdown built to break the renderer: before the rendering limits (docs/web.md), 3,000 nested
 * quotes overflowed the parser's stack and blanked the whole page, and a megabyte of nested lists
 * froze it for seconds.
 */
const NESTED_QUOTES = `${'>'.repeat(3000)} deep`;
const NESTED_LISTS = (() => {
  let s = '';
  for (let i = 0; s.length < 1_000_000; i++) s += `${'  '.repeat(i % 200)}- item ${i}\n`;
  return s;
})();

const INTERFACE = {
  fields: [
    { name: 'prompt', label: 'Prompt', type: 'text', format: 'markdown' },
    { name: 'answer', label: 'Answer', type: 'text', format: 'markdown' },
  ],
  questions: [
    { name: 'verdict', label: 'Verdict', type: 'choice', options: ['fine', 'wrong'], required: true },
  ],
};

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

/** Uncaught errors on the page: a render that throws past every boundary shows up here. */
function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}

/** `region` shows `text` as typed (as text, not markup) under a notice containing `notice`. */
async function expectAsTyped(region: Locator, notice: string, text: string): Promise<void> {
  await expect.poll(() => region.getByRole('note').textContent(), { timeout: 20_000 }).toContain(notice);
  expect(await region.locator('.as-typed-text').textContent()).toBe(text);
  expect(await region.locator('blockquote, ul').count()).toBe(0);
}

describe('hostile Markdown stays in its own box', () => {
  it('as an item: the annotator sees it as typed, skips it, and annotates the others', async () => {
    const manager = await e.user('manager');
    const { id, annotator } = await projectWithItems(
      e,
      manager,
      { name: 'Hostile items', interface: INTERFACE },
      [
        { data: { prompt: NESTED_QUOTES, answer: 'A **fine** answer' } },
        { data: { prompt: NESTED_LISTS, answer: 'Another **fine** answer' } },
        { data: { prompt: 'A *normal* prompt', answer: 'The last **answer**' } },
      ],
    );
    const { page } = await e.open(annotator);
    const errors = pageErrors(page);
    await page.goto(`/projects/${id}/annotate`);

    await expectAsTyped(page.getByRole('region', { name: 'Prompt' }), 'nested too deeply', NESTED_QUOTES);
    await page.getByRole('region', { name: 'Answer' }).locator('strong', { hasText: 'fine' }).waitFor();
    await page.getByRole('button', { name: 'Skip' }).click();
    await page.getByRole('button', { name: 'Skip item' }).click();

    await expectAsTyped(page.getByRole('region', { name: 'Prompt' }), 'too long to format', NESTED_LISTS);
    await page.getByRole('region', { name: 'Answer' }).locator('strong', { hasText: 'fine' }).waitFor();
    await page.getByRole('radio', { name: /fine/ }).check();
    await page.getByRole('button', { name: 'Submit' }).click();

    await page.getByRole('region', { name: 'Prompt' }).locator('em', { hasText: 'normal' }).waitFor();
    await page.keyboard.press('1');
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.getByRole('heading', { name: 'All done' }).waitFor();
    expect(errors).toEqual([]);

    const items = await e.api.call(manager, 'GET', `/api/projects/${id}/items`);
    const status = Object.fromEntries(
      (items.body.items as { data: { prompt: string }; status: string }[]).map((i) => [
        i.data.prompt.slice(0, 8),
        i.status,
      ]),
    );
    expect(status).toMatchObject({ [NESTED_LISTS.slice(0, 8)]: 'complete', 'A *norma': 'complete' });
  });

  it('as guidelines: every annotation view and the project overview still work', async () => {
    const manager = await e.user('manager');
    const { id, annotator } = await projectWithItems(
      e,
      manager,
      { name: 'Hostile guidelines', interface: INTERFACE, guidelines: NESTED_QUOTES },
      [
        { data: { prompt: 'First *prompt*', answer: 'x' } },
        { data: { prompt: 'Second *prompt*', answer: 'y' } },
      ],
    );
    const a = await e.open(annotator);
    const annotatorErrors = pageErrors(a.page);
    await a.page.goto(`/projects/${id}/annotate`);
    for (const prompt of ['First', 'Second']) {
      await expectAsTyped(
        a.page.getByRole('complementary', { name: 'Guidelines' }),
        'nested too deeply',
        NESTED_QUOTES,
      );
      await a.page
        .getByRole('region', { name: 'Prompt' })
        .filter({ hasText: prompt })
        .locator('em', { hasText: 'prompt' })
        .waitFor();
      await a.page.keyboard.press('1');
      await a.page.getByRole('button', { name: 'Submit' }).click();
    }
    await a.page.getByRole('heading', { name: 'All done' }).waitFor();
    expect(annotatorErrors).toEqual([]);

    const m = await e.open(manager);
    const managerErrors = pageErrors(m.page);
    await m.page.goto(`/projects/${id}`);
    await expectAsTyped(
      m.page.locator('section', { has: m.page.getByRole('heading', { name: 'Guidelines' }) }),
      'nested too deeply',
      NESTED_QUOTES,
    );
    await m.page.getByRole('heading', { name: 'Progress' }).waitFor();
    expect(await m.page.locator('main').textContent()).toContain('2 submitted annotations');
    expect(managerErrors).toEqual([]);
  });

  it('on the item detail page: the reviewer sees it as typed beside the other fields and the answers', async () => {
    const manager = await e.user('manager');
    const { id } = await projectWithItems(e, manager, { name: 'Hostile detail', interface: INTERFACE }, [
      { data: { prompt: NESTED_QUOTES, answer: 'A **fine** answer' } },
      { data: { prompt: NESTED_LISTS, answer: 'Another **fine** answer' } },
    ]);
    const items = await e.api.call(manager, 'GET', `/api/projects/${id}/items`);
    const { page } = await e.open(manager);
    const errors = pageErrors(page);
    for (const [item, notice, text] of [
      [items.body.items[0], 'nested too deeply', NESTED_QUOTES],
      [items.body.items[1], 'too long to format', NESTED_LISTS],
    ] as const) {
      await page.goto(`/items/${item.id}`);
      await expectAsTyped(page.getByRole('region', { name: 'Prompt' }), notice, text);
      await page.getByRole('region', { name: 'Answer' }).locator('strong', { hasText: 'fine' }).waitFor();
      await page.getByRole('heading', { name: /Annotations/ }).waitFor();
    }
    expect(errors).toEqual([]);
  });
});
