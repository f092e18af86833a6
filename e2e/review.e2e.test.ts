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
  ],
};
const lines = [{ data: { text: 'Two plus two is five.' } }, { data: { text: 'The second passage' } }];
const COMMENT = 'Two plus two is four: this one is wrong.';

describe('review and rework in the browser', () => {
  it('a reviewer rejects with a comment, the tutor reworks it beside the comment, the reviewer accepts', async () => {
    const lead = await e.user('manager', 'Lena Lead');
    const tutor = await e.user('annotator', 'Tara Tutor');
    const reviewer = await e.user('reviewer', 'Rita Reviewer');
    const project = { name: 'Reviewed', interface: iface, review: { mode: 'all' } };
    const { id } = await projectWithItems(e, lead, project as never, lines, tutor);
    expect(
      (await e.api.call(lead, 'POST', `/api/projects/${id}/members`, { userId: reviewer.id })).status,
    ).toBe(201);
    const work = await e.api.call(tutor, 'POST', `/api/projects/${id}/assignments/next`);
    const first = await e.api.call(tutor, 'POST', `/api/assignments/${work.body.assignment.id}/submit`, {
      answers: { verdict: 'fine' },
      idempotencyKey: 'review-e2e-first',
    });
    expect(first.status).toBe(200);
    const annotationId = first.body.annotation.id as number;

    // The reviewer finds the Review button on the project, sees the item and rejects with R.
    const rev = (await e.open(reviewer)).page;
    await rev.goto(`/projects/${id}`);
    await rev.getByRole('link', { name: 'Review' }).click();
    await rev.getByText(lines[0]!.data.text).waitFor();
    await rev.getByTestId('review-status').getByText('Awaiting review').waitFor();
    const found = await checkPage(rev, { page: 'review', theme: 'light' });
    await rev.keyboard.press('r');
    const dialog = rev.getByRole('dialog', { name: 'Send back for rework' });
    await dialog.getByLabel(/What should change/).fill(COMMENT);
    found.push(...(await checkPage(rev, { page: 'reject dialog', theme: 'light' })));
    await dialog.getByRole('button', { name: 'Reject' }).click();
    await rev.getByRole('heading', { name: 'Nothing to review' }).waitFor();

    // The tutor asks for work: the rejected item comes first, with the comment beside it.
    const tut = (await e.open(tutor)).page;
    await tut.goto(`/projects/${id}/annotate`);
    await tut.getByText(lines[0]!.data.text).waitFor();
    const notice = tut.getByTestId('review-notice');
    await notice.getByText('Sent back for rework').waitFor();
    expect(await notice.getByTestId('review-comment').textContent()).toBe(COMMENT);
    found.push(...(await checkPage(tut, { page: 'rework', theme: 'light' })));
    expect(describeFindings(found), 'axe-core violations').toBe('');
    await tut.getByLabel('wrong').check();
    await tut.getByRole('button', { name: /^Submit/ }).click();
    // Resubmitted: the queue goes on to the next new item.
    await tut.getByText(lines[1]!.data.text).waitFor();

    // Back in review as reworked, with the earlier decision shown; A accepts.
    await rev.getByRole('button', { name: 'Look again' }).click();
    await rev.getByTestId('review-status').getByText('Reworked, awaiting review').waitFor();
    expect(await rev.getByTestId('review-history').textContent()).toContain(COMMENT);
    await rev.keyboard.press('a');
    await rev.getByRole('heading', { name: 'Nothing to review' }).waitFor();

    const history = await e.api.call(tutor, 'GET', `/api/annotations/${annotationId}/revisions`);
    expect(history.body.items.at(-1).answers).toEqual({ verdict: 'wrong' });
    await tut.goto(`/projects/${id}/my-work`);
    await tut.getByTestId('review-status').filter({ hasText: 'Accepted' }).waitFor();
  });
});

describe('a fix in the browser', () => {
  it("replaces the tutor's answer with F and Ctrl+Enter, and the tutor sees what changed", async () => {
    const lead = await e.user('manager');
    const tutor = await e.user('annotator');
    const reviewer = await e.user('reviewer');
    const project = { name: 'Fixed', interface: iface, review: { mode: 'all' } };
    const { id } = await projectWithItems(e, lead, project as never, lines, tutor);
    expect(
      (await e.api.call(lead, 'POST', `/api/projects/${id}/members`, { userId: reviewer.id })).status,
    ).toBe(201);
    const work = await e.api.call(tutor, 'POST', `/api/projects/${id}/assignments/next`);
    const assignmentId = work.body.assignment.id as number;
    await e.api.call(tutor, 'POST', `/api/assignments/${assignmentId}/submit`, {
      answers: { verdict: 'fine' },
      idempotencyKey: 'review-e2e-fix',
    });

    const rev = (await e.open(reviewer)).page;
    await rev.goto(`/projects/${id}/review`);
    await rev.getByText(lines[0]!.data.text).waitFor();
    await rev.keyboard.press('f');
    await rev.getByTestId('review-status').getByText('fixing', { exact: false }).waitFor();
    await rev.getByLabel('wrong').check();
    await rev.keyboard.press('Control+Enter');
    await rev.getByRole('heading', { name: 'Nothing to review' }).waitFor();

    const tut = (await e.open(tutor)).page;
    await tut.goto(`/projects/${id}/annotate?assignment=${assignmentId}`);
    const notice = tut.getByTestId('review-notice');
    await notice.getByText('Fixed by a reviewer').waitFor();
    await notice.getByText('Verdict').waitFor();
    expect(await notice.locator('del').first().textContent()).toContain('fine');
    expect(await notice.locator('ins').first().textContent()).toContain('wrong');
  });
});
