import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, projectWithItems, startE2E } from './harness.ts';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

const iface = { fields: [{ name: 'text', type: 'text' }], questions: [{ name: 'ok', type: 'text' }] };
const lines = [{ data: { text: 'The first passage, skipped' } }, { data: { text: 'The second passage' } }];

/** The tutor claims the first item and skips it: with one annotator and overlap 1, it is stranded. */
async function skipFirst(tutor: Parameters<E2E['api']['call']>[0], projectId: number, reason: string) {
  const work = await e.api.call(tutor, 'POST', `/api/projects/${projectId}/assignments/next`);
  expect(work.body.item.data.text).toBe(lines[0]!.data.text);
  const skipped = await e.api.call(tutor, 'POST', `/api/assignments/${work.body.assignment.id}/skip`, {
    reason,
  });
  expect(skipped.status).toBe(200);
}

describe('a skip that strands an item', () => {
  it('is flagged to the lead, who returns it; the tutor gets it again from next', async () => {
    const lead = await e.user('manager', 'Lena Lead');
    const tutor = await e.user('annotator', 'Tara Tutor');
    const { id } = await projectWithItems(e, lead, { name: 'Stranded', interface: iface }, lines, tutor);
    await skipFirst(tutor, id, 'The wording is unclear');

    const { page } = await e.open(lead);
    await page.goto(`/projects/${id}`);
    await page.getByText('1 item cannot complete with the current members').waitFor();

    await page.goto(`/projects/${id}/items`);
    await page.getByLabel('Status').selectOption('stranded');
    const table = page.getByRole('table', { name: 'Items' });
    const row = table.getByRole('row').filter({ hasText: 'Cannot complete with the current members' });
    await row.waitFor();
    expect(await table.getByRole('row').count()).toBe(2); // the header and the stranded item
    await row.getByRole('link').click();

    const assignments = page.getByRole('region', { name: 'Assignments' });
    const skipRow = assignments.getByRole('row').filter({ hasText: 'The wording is unclear' });
    await skipRow.waitFor();
    expect(await skipRow.textContent()).toContain('Skipped');
    expect(await skipRow.textContent()).toContain(tutor.email);
    expect(await assignments.textContent()).not.toMatch(/user \d/);
    await skipRow.getByRole('button', { name: /Return to their queue/ }).click();
    await assignments.getByRole('cell', { name: 'Expired' }).waitFor();

    await page.goto(`/projects/${id}`);
    await page.getByRole('heading', { name: 'Progress' }).waitFor();
    expect(await page.getByText('cannot complete with the current members').count()).toBe(0);

    const tutorView = await e.open(tutor);
    await tutorView.page.goto(`/projects/${id}/annotate`);
    await tutorView.page.getByText(lines[0]!.data.text).waitFor();
  });
});

describe('a tutor reopening their own skip', () => {
  it('takes it back from My work and gets it from next', async () => {
    const lead = await e.user('manager');
    const tutor = await e.user('annotator');
    const { id } = await projectWithItems(e, lead, { name: 'Reopened', interface: iface }, lines, tutor);
    await skipFirst(tutor, id, 'later, after lunch');

    const { page } = await e.open(tutor);
    await page.goto(`/projects/${id}/my-work`);
    await page.getByLabel('Show').selectOption('skipped');
    await page.getByText('skipped: later, after lunch').waitFor();
    await page.getByRole('button', { name: /^Reopen/ }).click();
    await page.getByText('is back in your queue').waitFor();
    await page.getByRole('link', { name: 'Start annotating' }).click();
    await page.getByText(lines[0]!.data.text).waitFor();
  });
});
