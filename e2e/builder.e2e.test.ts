import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, startE2E } from './harness.ts';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const field1 = (page: Page) => page.getByRole('group', { name: /^Field 1/ });
const question = (page: Page, n: number) => page.getByRole('group', { name: new RegExp(`^Question ${n}`) });

/** Builds a small interface by hand: a labelled Markdown field and a spans question over it. */
async function buildByHand(page: Page) {
  await page.getByLabel('Name', { exact: true }).first().fill('Proofs, batch 1');
  await field1(page).getByLabel('Label (optional)').fill('Problem statement');
  await page.getByRole('button', { name: 'Add question' }).click();
  const q = question(page, 1);
  await q.getByLabel('Name', { exact: true }).fill('claims');
  await q.getByLabel('Type').selectOption('spans');
  await q.getByLabel('Labels, one per line').fill('CLAIM\nERROR');
  await q.getByLabel('Description (optional)').fill('Mark each claim the proof makes.');
}

describe('the new-project builder', () => {
  it('asks before leaving, keeps the draft over a reload, asks before a template replaces edits', async () => {
    const lead = await e.user('manager', 'Bea Builder');
    const { page } = await e.open(lead);
    await page.goto('/projects/new');
    await buildByHand(page);

    // In-app navigation is held, and the person asked.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Projects' }).click();
    const leave = page.getByRole('dialog', { name: 'Leave this page?' });
    await leave.waitFor();
    await leave.getByRole('button', { name: 'Stay on this page' }).click();
    await leave.waitFor({ state: 'hidden' });
    expect(new URL(page.url()).pathname).toBe('/projects/new');

    // A reload asks the browser's own question (beforeunload); the draft comes back after it.
    const asked: string[] = [];
    page.on('dialog', (d) => {
      asked.push(d.type());
      void d.accept();
    });
    await page.reload();
    expect(asked).toEqual(['beforeunload']);
    await page.getByText(/^Draft restored/).waitFor();
    expect(await page.getByLabel('Name', { exact: true }).first().inputValue()).toBe('Proofs, batch 1');
    expect(await field1(page).getByLabel('Label (optional)').inputValue()).toBe('Problem statement');
    expect(await question(page, 1).getByLabel('Labels, one per line').inputValue()).toBe('CLAIM\nERROR');
    expect(await question(page, 1).getByLabel('Description (optional)').inputValue()).toBe(
      'Mark each claim the proof makes.',
    );

    // A template after edits asks first; keeping the work keeps it.
    await page.getByRole('button', { name: 'Text classification' }).click();
    const replace = page.getByRole('dialog', { name: /Replace your interface with the Text classification/ });
    await replace.waitFor();
    await replace.getByRole('button', { name: 'Keep my work' }).click();
    await replace.waitFor({ state: 'hidden' });
    expect(await question(page, 1).getByLabel('Name', { exact: true }).inputValue()).toBe('claims');
    await page.getByRole('button', { name: 'Text classification' }).click();
    await replace.getByRole('button', { name: 'Replace' }).click();
    await page.getByText('Started from the Text classification template, with its guidelines.').waitFor();
    expect(await question(page, 1).getByLabel('Name', { exact: true }).inputValue()).toBe('category');
    // Straight after a template, another one replaces it without asking.
    await page.getByRole('button', { name: 'Multi-label tagging' }).click();
    await page.getByText('Started from the Multi-label tagging template, with its guidelines.').waitFor();

    // Leaving when asked goes; the draft is still there when the person comes back.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Projects' }).click();
    await leave.getByRole('button', { name: 'Leave' }).click();
    await page.waitForURL((u) => u.pathname === '/');
    await page.getByRole('button', { name: 'New project' }).click();
    await page.getByText(/^Draft restored/).waitFor();
    expect(await question(page, 1).getByLabel('Name', { exact: true }).inputValue()).toBe('tags');

    // Discarding it empties the form, and nothing guards an empty form.
    await page.getByRole('button', { name: 'Discard draft' }).click();
    expect(await page.getByLabel('Name', { exact: true }).first().inputValue()).toBe('');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Projects' }).click();
    await page.waitForURL((u) => u.pathname === '/');
  });

  it('shows problems once an input is left or on submit, and focuses the first one', async () => {
    const lead = await e.user('manager');
    const { page } = await e.open(lead);
    await page.goto('/projects/new');
    await page.getByRole('button', { name: 'Add question' }).click();
    const q = question(page, 1);
    const name = q.getByLabel('Name', { exact: true });
    // Nothing is marked while the person has touched nothing.
    expect(await page.locator('[aria-invalid="true"]').count()).toBe(0);
    await name.fill('1st');
    expect(await name.getAttribute('aria-invalid')).toBeNull();
    await name.blur();
    await q.getByText('must be an identifier').first().waitFor();
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    // The project's name and the options were not touched: not marked yet.
    expect(await page.getByLabel('Name', { exact: true }).first().getAttribute('aria-invalid')).toBeNull();
    expect(await q.getByLabel('Options, one per line').getAttribute('aria-invalid')).toBeNull();

    await page.getByRole('button', { name: 'Create project' }).click();
    // Every problem is listed, and the first in the page (the project's name) has the focus.
    await expect.poll(() => focusedId(page)).toBe('ctl-name');
    const summary = page.getByRole('region', { name: /problems to fix before the project can be created/ });
    await summary.waitFor();
    await summary.getByRole('link', { name: /^Name: Give the project a name/ }).waitFor();
    await summary.getByRole('link', { name: /^Question 1, options: must have at least one option/ }).click();
    await expect.poll(() => focusedId(page)).toBe('ctl-questions-0-options');

    await page.getByLabel('Name', { exact: true }).first().fill('Fixed');
    await name.fill('verdict');
    await q.getByLabel('Options, one per line').fill('yes\nno');
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.waitForURL(/\/projects\/\d+\/import$/);
    // Created: the draft is gone.
    await page.goto('/projects/new');
    await page.getByRole('heading', { name: 'New project' }).waitFor();
    expect(await page.getByText(/^Draft restored/).count()).toBe(0);
  });

  it("shows tutors a field's label, not its name", async () => {
    const lead = await e.user('manager');
    const tutor = await e.user('annotator');
    const { page } = await e.open(lead);
    await page.goto('/projects/new');
    await buildByHand(page);
    await page.getByLabel('Lock time (minutes)').fill('5');
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.waitForURL(/\/projects\/\d+\/import$/);
    const id = Number(/projects\/(\d+)/.exec(page.url())![1]);
    const project = await e.api.call(lead, 'GET', `/api/projects/${id}`);
    expect(project.body.lockTtlSeconds).toBe(300);
    expect(project.body.interface.fields[0]).toMatchObject({ name: 'text', label: 'Problem statement' });
    expect(project.body.interface.questions[0]).toMatchObject({
      name: 'claims',
      description: 'Mark each claim the proof makes.',
    });
    await e.api.call(lead, 'POST', `/api/projects/${id}/members`, { email: tutor.email });
    const imported = await e.verity.app.inject({
      method: 'POST',
      url: `/api/projects/${id}/items`,
      headers: { authorization: `Bearer ${lead.token}`, 'content-type': 'application/x-ndjson' },
      payload: `${JSON.stringify({ data: { text: 'Every even number is a sum of two primes.' } })}\n`,
    });
    expect(imported.statusCode).toBe(201);

    const t = await e.open(tutor);
    await t.page.goto(`/projects/${id}/annotate`);
    const text = t.page.getByRole('textbox', { name: 'Text of Problem statement, for claims' });
    await text.waitFor();
    expect(await text.textContent()).toContain('Every even number');
    await t.page.getByText('Mark each claim the proof makes.').waitFor();
    expect(await t.page.getByText('Text of text').count()).toBe(0);
  });

  it('the JSON view: a template shows in it, and JSON that does not parse is not created', async () => {
    const lead = await e.user('manager');
    const { page } = await e.open(lead);
    await page.goto('/projects/new');
    await page.getByLabel('Name', { exact: true }).first().fill('From JSON');
    await page.getByRole('button', { name: 'JSON', exact: true }).click();
    const json = page.getByLabel('Interface JSON');
    await page.getByRole('button', { name: 'Free-text answer' }).click();
    await page
      .getByRole('dialog', { name: /Replace your interface/ })
      .getByRole('button', { name: 'Replace' })
      .click();
    await expect.poll(async () => JSON.parse(await json.inputValue()).questions[0].name).toBe('answer');

    await json.fill('{"fields": [');
    await page.getByRole('button', { name: 'Create project' }).click();
    await expect.poll(() => focusedId(page)).toBe('ctl-root');
    await page
      .getByText(/^The JSON does not parse/)
      .first()
      .waitFor();
    expect(new URL(page.url()).pathname).toBe('/projects/new');

    await json.fill(
      JSON.stringify({ fields: [{ name: 'q', type: 'text' }], questions: [{ name: 'a', type: 'text' }] }),
    );
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.waitForURL(/\/projects\/\d+\/import$/);
  });

  it('starts from "Compare two answers", adjusts a criterion, and the project keeps it', async () => {
    const lead = await e.user('manager');
    const { page } = await e.open(lead);
    await page.goto('/projects/new');
    await page.getByRole('button', { name: 'Compare two answers' }).click();
    await page.getByText('Started from the Compare two answers template, with its guidelines.').waitFor();
    await page.getByLabel('Name', { exact: true }).first().fill('Pairs, batch 1');
    const q = question(page, 1);
    expect(await q.getByLabel('Type').inputValue()).toBe('pairwise');
    expect(await q.getByLabel('Candidates to compare').inputValue()).toBe('answers');
    expect(await q.getByLabel('Justification required').inputValue()).toBe('2');
    // The pickers offer only fields that fit: candidates for the pair, chat or text for the prompt.
    expect(await q.getByLabel('Candidates to compare').locator('option').allTextContents()).toEqual([
      'answers',
    ]);

    // A criterion renamed badly: the problem shows at its input once it is left.
    const third = q.getByRole('group', { name: /^Criterion 3/ });
    expect(await third.getByLabel('Name', { exact: true }).inputValue()).toBe('safety');
    const name = third.getByLabel('Name', { exact: true });
    await name.fill('no harm');
    await name.blur();
    await third.getByText('must be an identifier').first().waitFor();
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    await name.fill('harmlessness');
    await q
      .getByRole('group', { name: 'Criterion 3: harmlessness' })
      .getByLabel('Label (optional)')
      .fill('Harmlessness');
    // Moved up by keyboard, and another criterion added.
    await q.getByRole('button', { name: 'Move criterion harmlessness up' }).focus();
    await page.keyboard.press('Enter');
    await q.getByRole('button', { name: 'Add criterion' }).click();
    await q
      .getByRole('group', { name: /^Criterion 4/ })
      .getByLabel('Name', { exact: true })
      .fill('style');
    // The preview follows the form.
    await page
      .getByRole('region', { name: 'Preview' })
      .getByText('Which answer is better?')
      .first()
      .waitFor();

    await page.getByRole('button', { name: 'Create project' }).click();
    await page.waitForURL(/\/projects\/\d+\/import$/);
    const id = Number(/projects\/(\d+)/.exec(page.url())![1]);
    const project = await e.api.call(lead, 'GET', `/api/projects/${id}`);
    expect(project.body.interface.fields.map((f: { type: string }) => f.type)).toEqual(['chat', 'responses']);
    expect(project.body.interface.questions[0]).toMatchObject({
      type: 'pairwise',
      field: 'answers',
      prompt: 'conversation',
      requireJustificationFrom: 2,
      criteria: [
        { name: 'helpfulness', label: 'Helpfulness' },
        { name: 'harmlessness', label: 'Harmlessness' },
        { name: 'correctness', label: 'Correctness' },
        { name: 'style' },
      ],
    });

    // The project's interface: at a glance on the overview, and in its builder.
    await page.goto(`/projects/${id}`);
    await page
      .getByRole('region', { name: 'Interface' })
      .getByText('Compare two answers, required')
      .waitFor();
    await page.goto(`/projects/${id}/interface`);
    const saved = question(page, 1);
    expect(
      await saved
        .getByRole('group', { name: 'Criterion 2: harmlessness' })
        .getByLabel('Label (optional)')
        .inputValue(),
    ).toBe('Harmlessness');
  });

  it("shows each problem of the tutor's kinds at its own input", async () => {
    const lead = await e.user('manager');
    const { page } = await e.open(lead);
    await page.goto('/projects/new');
    await page.getByLabel('Name', { exact: true }).first().fill('Broken on purpose');
    const fields = [
      { name: 'prompt', type: 'text' },
      { name: 'chat', type: 'chat' },
      { name: 'answers', type: 'responses' },
    ];
    const submitJson = async (questions: unknown[]) => {
      await page.getByRole('button', { name: 'JSON', exact: true }).click();
      await page.getByLabel('Interface JSON').fill(JSON.stringify({ fields, questions }));
      // By keyboard: leaving the box shows its problems under it, which may move the page under a pointer.
      await page.getByRole('button', { name: 'Form', exact: true }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: 'Create project' }).click();
    };
    const invalid = (path: string) =>
      expect
        .poll(() =>
          page
            .locator(`#ctl-${path.replace(/[^A-Za-z0-9_]+/g, '-').replace(/-$/, '')}`)
            .getAttribute('aria-invalid'),
        )
        .toBe('true');

    await submitJson([
      { name: 'pair', type: 'pairwise', field: 'answers', scale: 3, labels: ['A', 'B'] },
      {
        name: 'grade',
        type: 'rubric',
        field: 'answers',
        criteria: [{ name: 'c', scale: { min: 5, max: 1 } }],
      },
      { name: 'turns', type: 'turns', field: 'chat' },
      { name: 'check', type: 'steps', field: 'answers', split: 'lines', stepsKey: 'k' },
      { name: 'why', type: 'pairwise', field: 'answers', requireJustificationFrom: 3, scale: 5 },
    ]);
    await invalid('questions[0].labels');
    await invalid('questions[1].criteria[0].scale.max');
    await invalid('questions[2].rating');
    await invalid('questions[3].stepsKey');
    await invalid('questions[4].requireJustificationFrom');
    const summary = page.getByRole('region', { name: /problems to fix/ });
    await summary
      .getByRole('link', { name: /^Question 3, rating: ask at least one of rating, flags or rewrite/ })
      .click();
    await expect.poll(() => focusedId(page)).toBe('ctl-questions-2-rating');

    // A field of the wrong type, and a rubric without criteria: at the picker, and at Add criterion.
    await submitJson([
      { name: 'order', type: 'ranking', field: 'prompt' },
      { name: 'grade', type: 'rubric', field: 'answers', criteria: [] },
    ]);
    await question(page, 2).getByText('must have at least one criterion').waitFor();
    await page.getByRole('link', { name: /^Question 2, criteria: must have at least one criterion/ }).click();
    await expect.poll(() => focusedId(page)).toBe('ctl-questions-1-criteria');
    await submitJson([{ name: 'order', type: 'ranking', field: 'prompt' }]);
    await invalid('questions[0].field');
    await question(page, 1).getByText('this question needs a responses field').waitFor();
  });
});
