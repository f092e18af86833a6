import { afterAll, beforeAll, it } from 'vitest';
import { type E2E, projectWithItems, signIn, startE2E } from './harness.ts';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

const long = (tag: string) =>
  Array.from(
    { length: 12 },
    (_, i) =>
      `Paragraph ${i} of ${tag} with $\\int_0^{${i}} x^2\\,dx = \\frac{${i}^3}{3}$ and some prose that goes on.\n\n\`\`\`python\ndef f(x):\n    return x ** ${i}\n\`\`\``,
  ).join('\n\n');

it('screens', async () => {
  const manager = await e.user('manager');
  const iface = {
    fields: [
      { name: 'chat', label: 'Conversation', type: 'chat' },
      { name: 'pair', label: 'Answers', type: 'responses', revealModels: true },
      { name: 'four', label: 'Programs', type: 'responses' },
    ],
    questions: [
      {
        name: 'better',
        label: 'Which answer is better?',
        type: 'pairwise',
        field: 'pair',
        criteria: [{ name: 'correctness', label: 'Correctness' }],
        requireJustificationFrom: 2,
      },
      { name: 'order', label: 'Rank the programs', type: 'ranking', field: 'four', allowTies: true },
    ],
  };
  const data = {
    chat: [
      { role: 'system', content: 'You are a tutor.' },
      { role: 'user', content: 'What is $\\int_0^1 x\\,dx$?' },
      { role: 'assistant', content: 'It is $\\tfrac12$.' },
    ],
    pair: [
      { id: 'a', model: 'mx', content: long('alpha') },
      { id: 'b', model: 'my', content: long('beta') },
    ],
    four: ['w', 'x', 'y', 'z'].map((k) => ({ id: k, content: `Program ${k}: \`print("${k}")\` and $x^2$` })),
  };
  const { id, annotator } = await projectWithItems(e, manager, { name: 'Screens', interface: iface }, [
    { id: 'one', data },
  ]);
  for (const theme of ['light', 'dark'] as const) {
    const context = await e.browser.newContext({
      baseURL: e.baseUrl,
      viewport: { width: 1280, height: 900 },
      colorScheme: theme,
    });
    const page = await context.newPage();

    await signIn(page, annotator);
    await page.goto(`/projects/${id}/annotate`);
    await page.locator('.rank-row').first().waitFor();
    await page.waitForTimeout(800);
    await page.keyboard.press('2');
    await page.locator('.ranking').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `/tmp/shot-${theme}.png` });
    console.log(
      await page
        .locator('.candidate-stack .long-text-part')
        .first()
        .evaluate((el) =>
          JSON.stringify({
            h: el.getBoundingClientRect().height,
            cis: getComputedStyle(el).containIntrinsicSize,
            cv: getComputedStyle(el).contentVisibility,
            y: el.getBoundingClientRect().top,
          }),
        ),
    );
    await context.close();
  }
});
