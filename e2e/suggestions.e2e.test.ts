import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage, describeFindings } from './axe.ts';
import { type E2E, projectWithItems, startE2E } from './harness.ts';

/** Suggestions in the browser (docs/suggestions.md): accepted on one item, changed on another. */

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

const iface = {
  fields: [{ name: 'text', type: 'text' }],
  questions: [
    {
      name: 'topic',
      label: 'Topic',
      type: 'choice',
      options: ['algebra', 'geometry', 'other'],
      required: true,
    },
    { name: 'difficulty', label: 'Difficulty', type: 'rating', min: 1, max: 5 },
  ],
};
const prediction = { agent: 'secret-model-7', score: 0.9, answers: { topic: 'geometry', difficulty: 4 } };
const lines = [
  {
    id: 'first',
    data: { text: 'The angles of a triangle add up to 180 degrees.' },
    predictions: [prediction],
  },
  { id: 'second', data: { text: 'Solve 2x + 3 = 7.' }, predictions: [prediction] },
];

describe('suggestions', () => {
  it('are accepted on one item and changed on another, and the statistics show the rate per agent', async () => {
    const lead = await e.user('manager', 'Lena Lead');
    const tutor = await e.user('annotator', 'Tara Tutor');
    const { id } = await projectWithItems(e, lead, { name: 'Suggested', interface: iface }, lines, tutor);

    const { page } = await e.open(tutor);
    await page.goto(`/projects/${id}/annotate`);
    await page.getByText('The angles of a triangle').waitFor();
    await page.getByTestId('suggestion-notice').waitFor();
    const topic = page.locator('[data-question="topic"]');
    const difficulty = page.locator('[data-question="difficulty"]');
    // Filled in from the suggestion, marked, and nobody's name on it.
    expect(await topic.getByRole('radio', { name: /geometry/ }).isChecked()).toBe(true);
    expect(await topic.locator('.suggestion-badge').textContent()).toBe('Suggestion');
    expect(await difficulty.locator('.suggestion-badge').textContent()).toBe('Suggestion');
    expect(await page.content()).not.toContain('secret-model-7');

    const found0 = await checkPage(page, { page: 'annotate', theme: 'light', state: 'suggestion' });
    await topic.getByRole('button', { name: /^Accept/ }).click();
    expect(await topic.locator('.suggestion-badge').textContent()).toBe('Accepted');
    found0.push(
      ...(await checkPage(page, { page: 'annotate', theme: 'light', state: 'suggestion accepted' })),
    );
    expect(found0, describeFindings(found0)).toEqual([]);
    // Back on the item, Enter submits the suggestions as they stand.
    await page.locator('main').focus();
    await page.keyboard.press('Enter');

    await page.getByText('Solve 2x + 3 = 7.').waitFor();
    expect(await topic.locator('.suggestion-badge').textContent()).toBe('Suggestion');
    await topic.getByText('algebra', { exact: true }).click();
    expect(await topic.locator('.suggestion-badge').textContent()).toBe('Changed');
    expect(await difficulty.locator('.suggestion-badge').textContent()).toBe('Suggestion');
    const found = await checkPage(page, { page: 'annotate', theme: 'light', state: 'suggestion changed' });
    // Put back, then changed again: the annotator's own answer.
    await topic.getByRole('button', { name: /^Use the suggestion/ }).click();
    expect(await topic.getByRole('radio', { name: /geometry/ }).isChecked()).toBe(true);
    await topic.getByText('algebra', { exact: true }).click();
    await page.locator('main').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'All done' }).waitFor();

    const rows = await e.verity.store.db
      .selectFrom('annotations')
      .select(['answers', 'suggestedBy'])
      .where('projectId', '=', id)
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { answers: '{"topic":"geometry","difficulty":4}', suggestedBy: 'secret-model-7' },
      { answers: '{"topic":"algebra","difficulty":4}', suggestedBy: 'secret-model-7' },
    ]);

    const lead$ = await e.open(lead);
    await lead$.page.goto(`/projects/${id}`);
    const table = lead$.page.getByTestId('suggestion-table');
    await table.waitFor();
    found.push(...(await checkPage(lead$.page, { page: 'project', theme: 'light', state: 'suggestions' })));
    expect(found, describeFindings(found)).toEqual([]);
    const rows$ = table.locator('tbody tr');
    expect(await rows$.count()).toBe(3);
    const cellsOf = async (k: number) => rows$.nth(k).locator('th, td').allTextContents();
    expect(await cellsOf(0)).toEqual(['secret-model-7', 'All questions', '4', '3', '1', '75%']);
    expect(await cellsOf(1)).toEqual(['', 'Topic', '2', '1', '1', '50%']);
    expect(await cellsOf(2)).toEqual(['', 'Difficulty', '2', '2', '0', '100%']);
  });
});
