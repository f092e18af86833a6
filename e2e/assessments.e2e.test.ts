import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postItems } from '../server/testing/factories.ts';
import { checkPage, describeFindings } from './axe.ts';
import { type E2E, startE2E } from './harness.ts';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

const TOPIC = {
  fields: [{ name: 'text', type: 'text' }],
  questions: [{ name: 'topic', type: 'choice', options: ['algebra', 'geometry'], required: true }],
};

describe('assessments', () => {
  it('a tutor opens Assessments, starts one, answers its questions, and sees the result and the skill earned', async () => {
    const manager = await e.user('manager');
    const tutor = await e.user('annotator', 'Tess Tutor');
    await e.verity.store.db
      .insertInto('skills')
      .values({ name: 'math.algebra', description: 'Algebra', createdBy: null, createdAt: 1 })
      .execute();
    const created = await e.api.call(manager, 'POST', '/api/projects', {
      name: 'Algebra qualification',
      interface: TOPIC,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id: number = created.body.id;
    await postItems(e.verity, manager, id, [
      { data: { text: 'Solve x + 2 = 5' }, gold: { topic: 'algebra' }, priority: 2 },
      { data: { text: 'The angles of a triangle' }, gold: { topic: 'geometry' }, priority: 1 },
    ]);

    // The manager makes the project an assessment in its settings; a skill not in the catalogue is refused.
    const lead = await e.open(manager);
    await lead.page.goto(`/projects/${id}/settings`);
    const form = lead.page.getByRole('region', { name: 'Assessment' });
    await form.getByLabel('This project is an assessment').check();
    await form.getByLabel('Skill a pass grants').fill('math.algebraic');
    await form.getByLabel('Level', { exact: true }).selectOption('2');
    await form.getByLabel('Pass mark (%)').fill('50');
    await form.getByLabel(/Open to every tutor/).check();
    await form.getByRole('button', { name: 'Save assessment' }).click();
    await form.getByText('skill "math.algebraic" is not in the catalogue').first().waitFor();
    await form.getByLabel('Skill a pass grants').fill('math.algebra');
    await form.getByRole('button', { name: 'Save assessment' }).click();
    await form.getByText('Assessment saved.').waitFor();
    const found = await checkPage(lead.page, {
      page: 'project settings',
      theme: 'light',
      state: 'assessment',
    });
    expect((await e.api.call(manager, 'GET', `/api/projects/${id}`)).body.assessment).toEqual({
      skill: 'math.algebra',
      level: 2,
      passMark: 0.5,
      maxAttempts: 3,
      cooldownHours: 24,
      openToAll: true,
    });

    const { page } = await e.open(tutor);
    await page.getByRole('link', { name: 'Assessments' }).click();
    const card = page.getByRole('region', { name: 'Algebra qualification' });
    await card.getByText('Earns math.algebra at level 2. 2 questions; pass mark 50 %.').waitFor();
    expect(await card.getByTestId('standing').textContent()).toBe('Not started.');
    await card.getByRole('button', { name: /^Start/ }).click();
    await page.waitForURL(new RegExp(`/projects/${id}/annotate$`));

    // Both answered "algebra" (the first option, key 1): right, then wrong.
    for (const text of ['Solve x + 2 = 5', 'The angles of a triangle']) {
      await page.getByText(text).waitFor();
      await page.getByRole('button', { name: 'Submit' }).waitFor();
      await page.keyboard.press('1');
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        (t) => !(document.querySelector('main')?.textContent ?? '').includes(t),
        text,
      );
    }
    await page.getByText('All done').waitFor();
    await page.getByRole('link', { name: 'See your assessment result' }).click();
    await page.waitForURL(/\/assessments$/);

    const result = page.getByRole('region', { name: 'Algebra qualification' });
    await result.getByText('Passed. You earned math.algebra at level 2.').waitFor();
    const table = result.getByRole('table', { name: /Attempt 1: 50 %/ });
    const rows = await table.getByRole('row').allInnerTexts();
    expect(rows.slice(1).map((r) => r.replace(/\s+/g, ' ').trim())).toEqual([
      'Question 1 100 %',
      'Question 2 0 %',
    ]);
    expect(await result.getByRole('button').count()).toBe(0);
    found.push(...(await checkPage(page, { page: 'assessments', theme: 'light', state: 'passed' })));

    // The project's managers see the attempt on the project page.
    await lead.page.goto(`/projects/${id}`);
    const panel = lead.page.getByRole('region', { name: 'Assessment attempts' });
    const row = panel.getByRole('row').filter({ hasText: tutor.email });
    await row.waitFor();
    expect((await row.getByRole('cell').allTextContents()).slice(1, 4)).toEqual(['1', 'passed', '50 %']);
    found.push(
      ...(await checkPage(lead.page, { page: 'project overview', theme: 'light', state: 'assessment' })),
    );
    expect(describeFindings(found), 'axe-core violations').toBe('');

    const held = await e.verity.store.db
      .selectFrom('userSkills')
      .select(['skill', 'level', 'source'])
      .where('userId', '=', tutor.id)
      .execute();
    expect(held).toEqual([{ skill: 'math.algebra', level: 2, source: 'assessment' }]);
  });
});
