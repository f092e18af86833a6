import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, projectWithItems, startE2E } from './harness.ts';
import { letterShowing, tabTo } from './keys.ts';

/**
 * The tutor's comparisons by keyboard alone: a pairwise judgement with criteria and a
 * justification its strength requires, a ranking with a tie, and a 200-turn conversation that
 * opens at once. Answers name candidates by id, whatever side or place they were shown in.
 */

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

const PROMPT = 'Prove that $\\sqrt{2}$ is irrational.';
const pair = [
  {
    id: 'c-alpha',
    model: 'model-x',
    content: 'Alpha: suppose $\\sqrt2 = p/q$ in lowest terms; then $p^2 = 2q^2$…',
  },
  { id: 'c-beta', model: 'model-y', content: 'Beta: it is irrational because it is not a fraction.' },
];

async function openItem(name: string, iface: unknown, data: Record<string, unknown>) {
  const manager = await e.user('manager');
  const { id, annotator } = await projectWithItems(e, manager, { name, interface: iface }, [
    { id: 'one', data },
  ]);
  const { page } = await e.open(annotator);
  await page.goto(`/projects/${id}/annotate`);
  await page.locator('[data-question]').first().waitFor();
  const items = await e.api.call(manager, 'GET', `/api/projects/${id}/items`);
  const itemId = items.body.items[0].id as number;
  const answers = async () => {
    const detail = await e.api.call(manager, 'GET', `/api/items/${itemId}`);
    return detail.body.annotations as { status: string; answers: Record<string, unknown> }[];
  };
  return { page, answers };
}

describe('a pairwise judgement', () => {
  it('is given by digits and arrows, with criteria and the justification its strength requires', async () => {
    const iface = {
      fields: [
        { name: 'prompt', label: 'Prompt', type: 'text', format: 'markdown' },
        { name: 'pair', label: 'Answers', type: 'responses' },
      ],
      questions: [
        {
          name: 'better',
          label: 'Which answer is better?',
          type: 'pairwise',
          field: 'pair',
          required: true,
          criteria: [
            { name: 'correctness', label: 'Correctness' },
            { name: 'clarity', label: 'Clarity' },
          ],
          requireJustificationFrom: 2,
        },
      ],
    };
    const { page, answers } = await openItem('Pairs', iface, { prompt: PROMPT, pair });
    // Model names stay hidden; the two answers are side by side as Response A and Response B.
    expect(await page.locator('.candidate-pair .candidate').count()).toBe(2);
    expect(await page.locator('.candidate-title').allTextContents()).toEqual(['Response A', 'Response B']);
    expect(await page.locator('.candidates').textContent()).not.toContain('model-x');
    const alphaIs = await letterShowing(page, 'Alpha:');
    const [aId, bId] = alphaIs === 'A' ? ['c-alpha', 'c-beta'] : ['c-beta', 'c-alpha'];

    // Digit 2 answers the overall row ("A better"), and the justification becomes required.
    const question = page.locator('[data-question="better"]');
    await page.keyboard.press('2');
    const overall = question.getByRole('group', { name: 'Overall' });
    expect(await overall.getByRole('radio', { name: 'A better', exact: true }).isChecked()).toBe(true);
    await question.locator('.required-now', { hasText: '(required)' }).waitFor();

    // Submitting now names what is missing: both criteria and the justification.
    await page.keyboard.press('Enter');
    await question.locator('.field-error').first().waitFor();
    const errors = (await question.locator('.field-error').allTextContents()).join(' ');
    expect(errors).toMatch(/justification is required/i);
    expect(errors).toMatch(/criterion/i);

    // Correctness: Tab into its row, 6 is "B better". Clarity: arrows move along the scale.
    const correctness = question.getByRole('group', { name: 'Correctness' });
    await tabTo(page, correctness.getByRole('radio').first());
    await page.keyboard.press('6');
    expect(await correctness.getByRole('radio', { name: 'B better', exact: true }).isChecked()).toBe(true);
    const clarity = question.getByRole('group', { name: 'Clarity' });
    await tabTo(page, clarity.getByRole('radio').first());
    await page.keyboard.press('4');
    await page.keyboard.press('ArrowLeft');
    expect(await clarity.getByRole('radio', { name: 'A slightly better' }).isChecked()).toBe(true);
    await page.keyboard.press('ArrowRight');
    expect(await clarity.getByRole('radio', { name: 'About the same' }).isChecked()).toBe(true);

    await tabTo(page, question.getByRole('textbox', { name: /Justification/ }));
    await page.keyboard.type('Alpha proves it; Beta only restates the claim.');
    await page.keyboard.press('Control+Enter');
    await page.getByRole('heading', { name: 'All done' }).waitFor();

    const [annotation] = await answers();
    expect(annotation?.status).toBe('submitted');
    expect(annotation?.answers.better).toEqual({
      preferred: aId,
      strength: 2,
      justification: 'Alpha proves it; Beta only restates the claim.',
      criteria: {
        correctness: { preferred: bId, strength: 2 },
        clarity: { preferred: null, strength: 0 },
      },
    });
  });
});

describe('a ranking', () => {
  it('orders the candidates by keyboard, with a tie, and names them by id', async () => {
    const iface = {
      fields: [
        { name: 'prompt', type: 'text' },
        { name: 'code', label: 'Candidate programs', type: 'responses' },
      ],
      questions: [
        {
          name: 'order',
          label: 'Rank the programs',
          type: 'ranking',
          field: 'code',
          allowTies: true,
          required: true,
        },
      ],
    };
    const code = ['w', 'x', 'y', 'z'].map((k) => ({
      id: `p-${k}`,
      content: `Program ${k}: \`print("${k}")\``,
    }));
    const { page, answers } = await openItem('Ranks', iface, { prompt: 'Print a letter.', code });
    // More than two candidates are stacked, with a jump list.
    await page.getByRole('navigation', { name: 'Jump to a response' }).waitFor();
    const rows = page.locator('.rank-row');
    await rows.nth(3).waitFor();
    const shown = await rows.evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.candidate!));
    const letter = (id: string) => String.fromCharCode(65 + shown.indexOf(id));

    // The third row's handle: Alt+↑ moves it one place up, and the move is said.
    const third = shown[2]!;
    await tabTo(page, page.getByRole('button', { name: new RegExp(`^Response ${letter(third)}, place`) }));
    await page.keyboard.press('Alt+ArrowUp');
    const live = page.getByTestId('ranking-said');
    await expect.poll(() => live.textContent()).toBe(`Response ${letter(third)}: place 2 of 4.`);
    // The focus stayed on the moved row.
    expect(await page.evaluate(() => document.activeElement?.closest('li')?.dataset.candidate)).toBe(third);

    // The row now third (the old second) ties with the one above.
    const tie = page.getByRole('checkbox', { name: `Tie Response ${letter(shown[1]!)} with the one above` });
    await tabTo(page, tie);
    await page.keyboard.press('Space');
    await expect
      .poll(() => live.textContent())
      .toBe(`Response ${letter(shown[1]!)}: place 2 of 3, tied with Response ${letter(third)}.`);
    await page.keyboard.press('Control+Enter');
    await page.getByRole('heading', { name: 'All done' }).waitFor();

    const [annotation] = await answers();
    expect(annotation?.answers.order).toEqual({ order: [[shown[0]], [third, shown[1]], [shown[3]]] });
  });
});

describe('a long conversation', () => {
  it('opens its 200 turns at once and formats the ones scrolled to', async () => {
    const turns = Array.from({ length: 200 }, (_, i) => ({
      role: i % 2 === 0 ? 'user' : 'assistant',
      content: `Turn ${i + 1}: ${i % 2 === 0 ? 'why is' : 'because'} $x_{${i}}^2 \\geq 0$. ${'Words of the turn. '.repeat(24)}`,
    }));
    const iface = {
      fields: [{ name: 'chat', label: 'Conversation', type: 'chat' }],
      questions: [{ name: 'ok', label: 'Is it helpful?', type: 'choice', options: ['yes', 'no'] }],
    };
    const { page } = await openItem('Long chat', iface, { chat: turns });
    const box = page.getByRole('region', { name: 'Conversation: 200 turns' });
    await box.locator('.turn').first().locator('.katex').waitFor();
    expect(await box.locator('.turn').count()).toBe(200);
    expect(await box.locator('.turn-role').first().textContent()).toBe('User #1');

    // End scrolls the box to the last turn, which is formatted there.
    await tabTo(page, box);
    await page.keyboard.press('End');
    await box.locator('.turn').last().locator('.katex').waitFor();
    expect(await box.locator('.turn').last().textContent()).toContain('Turn 200');
    // Turns far above are no longer formatted (the page keeps a few screens of it), yet their
    // text is still there, as typed.
    await expect.poll(() => box.locator('.turn').first().getAttribute('data-formatted')).toBeNull();
    expect(await box.locator('.turn').first().textContent()).toContain('Turn 1: why is');
  });
});
