import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage, describeFindings } from './axe.ts';
import { type E2E, projectWithItems, startE2E } from './harness.ts';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

const iface = {
  fields: [{ name: 'text', type: 'text' }],
  questions: [
    { name: 'verdict', label: 'Verdict', type: 'choice', options: ['fine', 'wrong'], required: true },
    { name: 'reason', label: 'Reason', type: 'text' },
  ],
};
const lines = [{ data: { text: 'Two plus two is five.' } }];

describe('adjudication in the browser', () => {
  it('two annotators disagree, a senior reviewer sees both answers with the difference marked and records the final, which the export carries', async () => {
    const lead = await e.user('manager', 'Lena Lead');
    const ann = await e.user('annotator', 'Ann Annotator');
    const bob = await e.user('annotator', 'Bob Annotator');
    const senior = await e.user('reviewer', 'Sam Senior');
    const { id } = await projectWithItems(
      e,
      lead,
      { name: 'Disputed', interface: iface, overlap: 2 },
      lines,
      ann,
    );
    for (const who of [bob, senior])
      expect((await e.api.call(lead, 'POST', `/api/projects/${id}/members`, { userId: who.id })).status).toBe(
        201,
      );
    // The lead turns adjudication on in the project's settings and names the senior reviewer.
    const leadPage = (await e.open(lead)).page;
    await leadPage.goto(`/projects/${id}/settings`);
    const panel = leadPage.getByRole('region', { name: 'Adjudication' });
    await panel.getByLabel('Send disputed items to adjudication').check();
    await panel.getByLabel(/Disagreement at least/).fill('0.5');
    await panel.getByLabel(senior.email).check();
    await panel.getByRole('button', { name: 'Save adjudication settings' }).click();
    await panel.getByText('Adjudication settings saved.').waitFor();
    const project = await e.api.call(lead, 'GET', `/api/projects/${id}`);
    expect(project.body.adjudication).toEqual({
      threshold: 0.5,
      confidenceBelow: null,
      adjudicators: [senior.id],
    });
    const answers = [
      [ann, { verdict: 'fine', reason: 'the sum is right' }],
      [bob, { verdict: 'wrong', reason: 'the sum is four not five' }],
    ] as const;
    for (const [who, given] of answers) {
      const work = await e.api.call(who, 'POST', `/api/projects/${id}/assignments/next`);
      const done = await e.api.call(who, 'POST', `/api/assignments/${work.body.assignment.id}/submit`, {
        answers: given,
        idempotencyKey: `adjudication-e2e-${who.id}`,
      });
      expect(done.status, JSON.stringify(done.body)).toBe(200);
    }

    // The senior reviewer finds Adjudicate on the project and gets the disputed item.
    const page = (await e.open(senior)).page;
    await page.goto(`/projects/${id}`);
    await page.getByRole('link', { name: 'Adjudicate' }).click();
    await page.getByText(lines[0]!.data.text).waitFor();
    await page.getByTestId('adjudication-state').getByText('Held').waitFor();
    const verdict = page.getByRole('region', { name: 'Verdict' });
    await verdict.getByText('answers differ').waitFor();
    const cells = verdict.getByTestId('adjudication-cell');
    expect(await cells.count()).toBe(2);
    expect(await cells.nth(0).textContent()).toContain('fine');
    expect(await cells.nth(1).textContent()).toContain('wrong');
    // The reason, word by word: Bob's answer against Ann's.
    const reason = page.getByRole('region', { name: 'Reason' });
    const bobsReason = reason.getByTestId('adjudication-cell').nth(1);
    expect(await bobsReason.locator('del').first().textContent()).toContain('right');
    expect(await bobsReason.locator('ins').first().textContent()).toContain('four not five');
    const found = await checkPage(page, { page: 'adjudicate', theme: 'light' });

    // Start from Bob's answer (key 2), edit the reason, record with Ctrl+Enter.
    await page.keyboard.press('2');
    await page.getByTestId('adjudication-state').getByText('editing the final answer').waitFor();
    const final = page.getByRole('region', { name: 'Final answer' });
    const box = final.getByRole('textbox', { name: /Reason/ });
    await box.fill('two plus two is four');
    found.push(...(await checkPage(page, { page: 'adjudicate, editing', theme: 'light' })));
    expect(describeFindings(found), 'axe-core violations').toBe('');
    await page.keyboard.press('Control+Enter');
    await page.getByRole('heading', { name: 'Nothing to adjudicate' }).waitFor();

    const exported = await e.api.call(lead, 'GET', `/api/projects/${id}/export?format=jsonl`);
    const line = JSON.parse(String(exported.body).trim());
    expect(line.final).toEqual({ verdict: 'wrong', reason: 'two plus two is four' });
    expect(line.annotations.map((a: { answers: unknown }) => a.answers)).toEqual(answers.map(([, a]) => a));

    // In the item browser, the item's page leads to its adjudication, now decided.
    await leadPage.goto(`/items/${line.id}`);
    await leadPage.getByRole('link', { name: 'See the final answer' }).click();
    await leadPage.getByTestId('adjudication-decided').waitFor();
    expect(await leadPage.getByTestId('adjudication-state').textContent()).toContain('Decided');
  });
});
