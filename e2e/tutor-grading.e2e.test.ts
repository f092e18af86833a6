import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shownOrder, shownSeed } from '../core/interface/index.ts';
import type { TestUser } from '../server/testing/harness.ts';
import { checkPage, describeFindings } from './axe.ts';
import { type E2E, projectWithItems, startE2E } from './harness.ts';

/**
 * The tutor's grading work, by keyboard only: a rubric over two answers with its live totals, a
 * step check with the correction its first error needs, a rewrite of one answer with its word
 * diff, and a rating per assistant turn; the submitted answers are read back from the export.
 */

let e: E2E;
let manager: TestUser;
beforeAll(async () => {
  e = await startE2E();
  manager = await e.user('manager');
});
afterAll(async () => e?.close());

const iface = {
  fields: [
    { name: 'prompt', label: 'Prompt', type: 'text', format: 'markdown' },
    { name: 'pair', label: 'Candidate answers', type: 'responses' },
    { name: 'conversation', label: 'Conversation', type: 'chat' },
  ],
  questions: [
    {
      name: 'grade',
      label: 'Grade the answers',
      type: 'rubric',
      field: 'pair',
      required: true,
      criteria: [
        { name: 'accuracy', label: 'Accuracy', scale: { min: 1, max: 5 }, weight: 2 },
        { name: 'cites', label: 'Shows the working', scale: 'pass_fail' },
      ],
    },
    { name: 'proof', label: 'Check each step', type: 'steps', field: 'pair', required: true },
    { name: 'ideal', label: 'Write the ideal answer', type: 'rewrite', field: 'pair', required: true },
    {
      name: 'per_turn',
      label: 'Rate each reply',
      type: 'turns',
      field: 'conversation',
      rating: { min: 1, max: 5 },
      flags: ['unsafe', 'wrong'],
      required: true,
    },
  ],
};
const item = {
  id: 'pow',
  data: {
    prompt: 'What is $2^{10}$?',
    pair: [
      { id: 'good', content: 'First, $2^{10} = 1024$.\n\nSo the answer is 1024.' },
      { id: 'rough', content: 'It is about a thousand.\n\nExactly 1000.' },
    ],
    conversation: [
      { role: 'user', content: 'What is $2^{10}$?' },
      { role: 'assistant', content: 'It is $1024$.' },
      { role: 'user', content: 'And $2^{11}$?' },
      { role: 'assistant', content: 'It is $2048$.' },
    ],
  },
};

/** Focuses the first radio of a named group, then presses `key` there. */
async function pressIn(page: Page, group: string, key: string): Promise<void> {
  await page.getByRole('radiogroup', { name: group }).getByRole('radio').first().focus();
  await page.keyboard.press(key);
}

async function exported(
  projectId: number,
): Promise<{ answers: Record<string, any>; itemId: number; shown: unknown }> {
  const res = await e.api.call(manager, 'GET', `/api/projects/${projectId}/export`);
  expect(res.status).toBe(200);
  const line = JSON.parse(String(res.body).trim().split('\n')[0]!);
  return { answers: line.annotations[0].answers, itemId: line.id, shown: line.annotations[0].shown };
}

describe('grading by keyboard', () => {
  it('grades with a rubric, checks steps, rewrites with a diff and rates each turn', async () => {
    const { id, annotator } = await projectWithItems(e, manager, { name: 'Grading', interface: iface }, [
      item,
    ]);
    const { page } = await e.open(annotator);
    // The candidates are shown in this annotator's own order: A is whichever came first.
    const listed = await e.api.call(manager, 'GET', `/api/projects/${id}/items?limit=1`);
    const order = shownOrder(['good', 'rough'], shownSeed(listed.body.items[0].id, annotator.id, 'pair'));
    const good = `Response ${'AB'[order.indexOf('good')]}`;
    const rough = `Response ${'AB'[order.indexOf('rough')]}`;
    await page.goto(`/projects/${id}/annotate`);
    await page.getByRole('table', { name: /Grade the answers/ }).waitFor();

    // Rubric: digits pick a score in a cell; the totals follow, computed.
    await pressIn(page, `Accuracy, ${good}`, '5');
    await pressIn(page, `Shows the working, ${good}`, '1');
    await pressIn(page, `Accuracy, ${rough}`, '2');
    await pressIn(page, `Shows the working, ${rough}`, '2');
    const total = (name: string) => page.getByRole('status', { name: `Weighted total, ${name}` });
    await total(good).filter({ hasText: '1.00 (100%)' }).waitFor();
    await total(rough).filter({ hasText: '0.17 (17%)' }).waitFor();
    await page.getByRole('textbox', { name: `Comment on Accuracy, ${rough}` }).focus();
    await page.keyboard.type('Says 1000.');

    // Steps: check the rough answer; C marks and moves on, I opens the required correction.
    await page.getByRole('group', { name: 'Check the steps of' }).getByRole('radio', { name: rough }).focus();
    await page.keyboard.press('Space');
    await page.getByRole('group', { name: /Step 1 of 2/ }).focus();
    await page.keyboard.press('c');
    await page
      .getByRole('group', { name: /Step 2 of 2/ })
      .and(page.locator(':focus'))
      .waitFor();
    await page.keyboard.press('i');
    const correction = page.getByRole('textbox', { name: /Correction of step 2/ });
    await correction.and(page.locator(':focus')).waitFor();
    await page.keyboard.type('Exactly 1024.');
    await page.keyboard.press('Escape');
    await page
      .getByRole('group', { name: /Step 2 of 2.*Incorrect/ })
      .and(page.locator(':focus'))
      .waitFor();
    await page.getByText('2 of 2 steps marked · first error: step 2').waitFor();

    // Rewrite: start from the rough answer, replace its words; the diff shows what went and what came.
    await page.getByRole('group', { name: 'Start from' }).getByRole('radio', { name: rough }).focus();
    await page.keyboard.press('Space');
    const box = page.getByRole('textbox', { name: 'Write the ideal answer' });
    expect(await box.inputValue()).toBe('It is about a thousand.\n\nExactly 1000.');
    await box.focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Shift+Control+ArrowLeft');
    await page.keyboard.press('Shift+Control+ArrowLeft');
    await page.keyboard.type('1024, since 2^10 = 1024.');
    const diff = page.getByRole('region', { name: `Changes against ${rough}` });
    await diff.locator('ins', { hasText: '1024' }).first().waitFor();
    expect(await diff.locator('del').allTextContents()).toEqual([expect.stringContaining('1000')]);
    expect(await diff.locator('ins').first().textContent()).toContain('[inserted:');
    await page.getByText(`5 words inserted, 1 deleted, against ${rough}.`).waitFor();
    // Another start once the text is edited asks first; Escape keeps the text.
    await page.getByRole('group', { name: 'Start from' }).getByRole('radio', { name: good }).focus();
    await page.keyboard.press('Space');
    const confirm = page.getByRole('button', { name: `Start from ${good}` });
    await confirm.and(page.locator(':focus')).waitFor();
    const findings = await checkPage(page, { page: 'annotate', theme: 'light', state: 'grading, confirm' });
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    expect(await box.inputValue()).toBe('It is about a thousand.\n\nExactly 1024, since 2^10 = 1024.');

    // Turns: a rating for each reply (digits on its radios) and a flag.
    await pressIn(page, 'Rating of reply 1', '5');
    await pressIn(page, 'Rating of reply 2', '4');
    await page
      .getByRole('group', { name: 'Flags on reply 2' })
      .getByRole('checkbox', { name: 'wrong' })
      .focus();
    await page.keyboard.press('Space');

    findings.push(...(await checkPage(page, { page: 'annotate', theme: 'light', state: 'graded' })));
    await page.keyboard.press('Control+Enter');
    await page
      .getByText(/No more items|nothing left|all done/i)
      .first()
      .waitFor();

    const { answers, itemId, shown } = await exported(id);
    expect(shown).toEqual({ pair: order });
    expect(answers.grade.grades).toEqual([
      { candidate: 'good', scores: { accuracy: { score: 5 }, cites: { score: true } }, total: 1 },
      {
        candidate: 'rough',
        scores: { accuracy: { score: 2, comment: 'Says 1000.' }, cites: { score: false } },
        total: 0.1667,
      },
    ]);
    expect(answers.proof).toEqual({
      candidate: 'rough',
      steps: [{ verdict: 'correct' }, { verdict: 'incorrect', correction: 'Exactly 1024.' }],
      firstError: 1,
    });
    expect(answers.ideal).toEqual({
      text: 'It is about a thousand.\n\nExactly 1024, since 2^10 = 1024.',
      source: 'rough',
    });
    expect(answers.per_turn).toEqual({
      turns: [
        { turn: 1, rating: 5 },
        { turn: 3, rating: 4, flags: ['wrong'] },
      ],
    });

    // The rewrite's typing was measured like a text answer's: what was typed, nothing pasted.
    const detail = await e.api.call(manager, 'GET', `/api/items/${itemId}`);
    expect(detail.body.annotations[0].signals.ideal).toMatchObject({
      pastedChars: 0,
      typedChars: '1024, since 2^10 = 1024.'.length,
    });

    // The item page shows the answers read-only: the grid's scores, the steps, the rewrite's changes.
    const lead = await e.open(manager);
    await lead.page.goto(`/items/${itemId}`);
    await lead.page
      .getByRole('table', { name: /Grade the answers/ })
      .getByText('Says 1000.')
      .waitFor();
    await lead.page.getByText('Correction: Exactly 1024.').waitFor();
    await lead.page.getByText(`Changes against ${rough}`).press('Enter');
    await lead.page
      .getByRole('region', { name: `Changes against ${rough}` })
      .locator('del')
      .waitFor();
    await lead.page.waitForFunction(() => !document.querySelector('.loading, [aria-busy="true"]'));
    findings.push(...(await checkPage(lead.page, { page: 'item detail', theme: 'light', state: 'graded' })));
    expect(describeFindings(findings), 'axe-core violations').toBe('');
  });
});

describe('long work stays fluid', () => {
  it('mounts the controls of a 200-turn conversation lazily, and a 4,000-word rewrite follows typing', async () => {
    const turns = Array.from({ length: 200 }, (_, i) => ({
      role: i % 2 === 0 ? 'user' : 'assistant',
      content: `Turn ${i + 1}: ${'some words of the conversation '.repeat(15)}`,
    }));
    const words = Array.from({ length: 4000 }, (_, i) => `word${i}`).join(' ');
    const long = {
      fields: [
        { name: 'pair', label: 'Candidate answers', type: 'responses' },
        { name: 'conversation', label: 'Conversation', type: 'chat' },
      ],
      questions: [
        {
          name: 'per_turn',
          label: 'Rate each reply',
          type: 'turns',
          field: 'conversation',
          rating: { min: 1, max: 5 },
        },
        { name: 'ideal', label: 'Write the ideal answer', type: 'rewrite', field: 'pair' },
      ],
    };
    const data = {
      conversation: turns,
      pair: [
        { id: 'long', content: words },
        { id: 'short', content: 'Short.' },
      ],
    };
    const { id, annotator } = await projectWithItems(e, manager, { name: 'Long', interface: long }, [
      { id: 'x', data },
    ]);
    const { page } = await e.open(annotator);
    await page.goto(`/projects/${id}/annotate`);
    await page.getByRole('radiogroup', { name: 'Rating of reply 1', exact: true }).waitFor();
    const mounted = await page.locator('.turn-controls').count();
    expect(mounted).toBeGreaterThan(0);
    expect(mounted).toBeLessThan(50);

    // Tab reaching a row not yet made makes its controls and lands on them.
    await page.getByRole('button', { name: 'Answer for reply 100', exact: true }).focus();
    await page
      .getByRole('radiogroup', { name: 'Rating of reply 100', exact: true })
      .getByRole('radio')
      .first()
      .and(page.locator(':focus'))
      .waitFor();
    await page.keyboard.press('3');
    await page.getByText('1 of 100 replies rated.').waitFor();

    const listed = await e.api.call(manager, 'GET', `/api/projects/${id}/items?limit=1`);
    const order = shownOrder(['long', 'short'], shownSeed(listed.body.items[0].id, annotator.id, 'pair'));
    const longName = `Response ${'AB'[order.indexOf('long')]}`;
    await page.getByRole('group', { name: 'Start from' }).getByRole('radio', { name: longName }).focus();
    await page.keyboard.press('Space');
    const box = page.getByRole('textbox', { name: 'Write the ideal answer' });
    await box.focus();
    await page.keyboard.press('Control+Home');
    const started = Date.now();
    await page.keyboard.type('Here is a better opening sentence. ');
    const perKey = (Date.now() - started) / 35;
    await page
      .getByRole('region', { name: `Changes against ${longName}` })
      .locator('ins', { hasText: 'better opening' })
      .waitFor();
    // Generous against a busy machine: a re-render per key of the whole 4,000-word answer would pass it.
    expect(perKey).toBeLessThan(100);
  });
});
