import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, projectWithItems, startE2E } from './harness.ts';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

/** A project of `items` (field `text`, Markdown) with one required choice, and an annotator in it. */
async function project(items: string[]) {
  const manager = await e.user('manager');
  return projectWithItems(
    e,
    manager,
    {
      name: 'Rich items',
      interface: {
        fields: [{ name: 'text', type: 'text', format: 'markdown' }],
        questions: [
          { name: 'verdict', label: 'Verdict', type: 'choice', options: ['fine', 'wrong'], required: true },
        ],
      },
    },
    items.map((text) => ({ data: { text } })),
  );
}

/** The scripts the page has fetched so far, by file name. */
const scripts = (page: Page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((r) => r.name.split('/').pop() ?? '')
      .filter((n) => n.endsWith('.js')),
  );

describe('the annotation view', () => {
  it('renders Markdown, maths and code, fetching KaTeX and highlight.js only for an item that has them', async () => {
    const { id, annotator } = await project([
      'Plain **bold** words.',
      'Area $\\pi r^2$ and code:\n\n```js\nconst answer = 42;\n```',
    ]);
    const { page } = await e.open(annotator);
    await page.goto(`/projects/${id}/annotate`);
    await page.locator('.item-text strong', { hasText: 'bold' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect((await scripts(page)).filter((n) => /^(math|highlight)-/.test(n))).toEqual([]);

    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    await page.locator('.item-text .katex').first().waitFor();
    await page.locator('.item-text .hljs-keyword', { hasText: 'const' }).waitFor();
    expect(await page.locator('.item-text [aria-busy]').count()).toBe(0);
    const loaded = await scripts(page);
    expect(loaded.some((n) => n.startsWith('math-'))).toBe(true);
    expect(loaded.some((n) => n.startsWith('highlight-'))).toBe(true);
  });

  it('shows the caret in the span text only while the text has focus', async () => {
    const manager = await e.user('manager');
    const annotator = await e.user('annotator');
    const created = await e.api.call(manager, 'POST', '/api/projects', {
      name: 'Caret',
      interface: {
        fields: [{ name: 'text', type: 'text' }],
        questions: [{ name: 'who', type: 'spans', field: 'text', labels: ['PERSON'] }],
      },
    });
    const id = created.body.id as number;
    await e.api.call(manager, 'POST', `/api/projects/${id}/members`, { email: annotator.email });
    await e.verity.app.inject({
      method: 'POST',
      url: `/api/projects/${id}/items`,
      headers: { authorization: `Bearer ${manager.token}`, 'content-type': 'application/x-ndjson' },
      payload: `${JSON.stringify({ data: { text: 'Ada met Alan in London.' } })}\n`,
    });
    const { page } = await e.open(annotator);
    await page.goto(`/projects/${id}/annotate`);
    const text = page.getByTestId('span-text');
    const caret = text.locator('.caret');
    await caret.waitFor({ state: 'visible' }); // the view focuses the text when it opens
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).focus();
    await caret.waitFor({ state: 'hidden' });
    await text.focus();
    await page.keyboard.press('ArrowRight');
    await caret.waitFor({ state: 'visible' });
    expect(await caret.getAttribute('data-s')).toBe('1');
  });

  it('refuses to submit while a required question is unanswered, and says which', async () => {
    const { id, annotator } = await project(['Is this fine?']);
    const { page } = await e.open(annotator);
    await page.goto(`/projects/${id}/annotate`);
    await page.getByRole('button', { name: 'Submit' }).click();
    await page
      .locator('[data-question="verdict"] .field-error', { hasText: 'An answer is required' })
      .waitFor();
    expect(await page.getByRole('button', { name: 'Submit' }).isVisible()).toBe(true);
    expect(await page.getByText('Is this fine?').isVisible()).toBe(true);
  });
});
