import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, projectWithItems, startE2E } from './harness.ts';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

const iface = {
  fields: [{ name: 'text', type: 'text' }],
  questions: [
    { name: 'verdict', label: 'Verdict', type: 'choice', options: ['right', 'wrong'], required: true },
  ],
};
const lines = [{ data: { text: 'One plus one is two.' } }, { data: { text: 'Two plus two is five.' } }];

describe('the overview of a project in progress', () => {
  it('shows the tutor’s work once they submit, by itself, and downloads it as CSV', async () => {
    const lead = await e.user('manager', 'Lena Lead');
    const tutor = await e.user('annotator', 'Tara Tutor');
    const { id } = await projectWithItems(e, lead, { name: 'Progress', interface: iface }, lines, tutor);

    const { page } = await e.open(lead);
    // The page's clock is ours to move on: the next refresh comes when the test says, not in 15 s.
    await page.clock.install();
    await page.goto(`/projects/${id}`);
    const table = page.getByRole('table', { name: /^Annotators/ });
    const row = table.getByRole('row').filter({ hasText: 'Tara Tutor' });
    await row.waitFor();
    expect(await row.getByRole('cell').allTextContents()).toEqual(['0', '0', '0 s', '—', 'Never']);
    await page.getByText('Nothing submitted yet').waitFor();

    const work = await e.api.call(tutor, 'POST', `/api/projects/${id}/assignments/next`);
    const submitted = await e.api.call(tutor, 'POST', `/api/assignments/${work.body.assignment.id}/submit`, {
      answers: { verdict: 'right' },
      activeMs: 42_000,
      idempotencyKey: 'progress-e2e-submit',
    });
    expect(submitted.status).toBe(200);

    // No reload: the overview asks again by itself after 15 s.
    await page.clock.fastForward(16_000);
    await row.getByRole('cell', { name: '42 s' }).first().waitFor();
    expect(await row.getByRole('cell').allTextContents()).toEqual([
      '1',
      '0',
      '42 s',
      '42 s',
      expect.not.stringMatching(/^Never$/),
    ]);
    expect(await page.getByTestId('updated-ago').textContent()).toBe('Updated just now');
    const verdict = page.getByRole('figure', { name: /Verdict/ });
    expect(await verdict.getByRole('row', { name: /right/ }).getByRole('cell').last().textContent()).toBe(
      '1',
    );
    await page.getByRole('img', { name: /Remaining work: 2 on .*, 1 on / }).waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`project-${id}-annotators.csv`);
    const csv = fs.readFileSync((await download.path())!, 'utf8').split('\r\n');
    expect(csv[0]).toBe('user_id,name,email,submitted,skipped,active_ms,median_ms,last_active_at');
    expect(csv[1]).toMatch(
      new RegExp(`^${tutor.id},Tara Tutor,${tutor.email.replace(/[.]/g, '\\.')},1,0,42000,42000,\\d{4}-`),
    );
  });
});
