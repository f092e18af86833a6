import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestUser } from '../server/testing/harness.ts';
import { type E2E, projectWithItems, startE2E } from './harness.ts';

let e: E2E;
let manager: TestUser;
beforeAll(async () => {
  e = await startE2E();
  manager = await e.user('manager');
});
afterAll(async () => e?.close());

/** A project with one item and one free-text question, and an annotator who is a member of it. */
async function oneItemProject(name: string): Promise<{ id: number; annotator: TestUser }> {
  return projectWithItems(
    e,
    manager,
    {
      name,
      interface: {
        fields: [{ name: 'text', type: 'text' }],
        questions: [{ name: 'note', label: 'Note', type: 'text', required: true }],
      },
    },
    [{ id: 'only', data: { text: 'Describe this sentence.' } }],
  );
}

/** The annotations of the project's only item, as the export has them. */
async function exported(projectId: number): Promise<any[]> {
  const res = await e.api.call(manager, 'GET', `/api/projects/${projectId}/export`);
  expect(res.status).toBe(200);
  const lines = String(res.body)
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  expect(lines).toHaveLength(1);
  return lines[0].annotations;
}

const saveStatus = (page: Page) => page.getByTestId('save-status');
const note = (page: Page) => page.getByRole('textbox', { name: 'Note' });

async function waitForStatus(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    (t) => document.querySelector('[data-testid="save-status"]')?.textContent === t,
    text,
  );
}

/**
 * Ends a tab without running its pagehide handlers, as a crash or a killed browser would. A plain
 * close would not do: Chromium's offline emulation (and request routing) let a request made while
 * the page unloads through to the server, so the draft would reach it from a browser that is offline.
 */
async function loseTab(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const crashed = new Promise((resolve) => page.once('crash', resolve));
  void cdp.send('Page.crash').catch(() => undefined);
  await crashed;
  await page.close();
}

describe('drafts', () => {
  it('a typed draft survives a reload', async () => {
    const { id, annotator } = await oneItemProject('Drafts: reload');
    const { page } = await e.open(annotator);
    await page.goto(`/projects/${id}/annotate`);
    await note(page).pressSequentially('first thoughts, typed by hand');
    await waitForStatus(page, 'Saving…');
    await waitForStatus(page, 'Saved');

    await page.reload();
    await note(page).waitFor();
    expect(await note(page).inputValue()).toBe('first thoughts, typed by hand');
    expect(await saveStatus(page).textContent()).toBe('Saved');
    const [annotation] = await exported(id);
    expect(annotation).toMatchObject({
      annotator: annotator.email,
      status: 'draft',
      answers: { note: 'first thoughts, typed by hand' },
    });
  });

  it('a draft typed while offline survives a reload', async () => {
    const { id, annotator } = await oneItemProject('Drafts: offline');
    const { context, page } = await e.open(annotator);
    await page.goto(`/projects/${id}/annotate`);
    await note(page).waitFor();

    await context.setOffline(true);
    await note(page).pressSequentially('written on a train');
    await waitForStatus(page, 'Offline — kept in this browser');
    expect(await exported(id)).toEqual([]);
    // A reload needs the network: the tab is lost while offline instead, and opened again once online.
    await loseTab(page);
    expect(await exported(id)).toEqual([]);
    await context.setOffline(false);

    const again = await context.newPage();
    await again.goto(`/projects/${id}/annotate`);
    await note(again).waitFor();
    expect(await note(again).inputValue()).toBe('written on a train');
    await again.getByText('Restored your latest answers from this browser.').waitFor();
    await waitForStatus(again, 'Saved');
    const [annotation] = await exported(id);
    expect(annotation).toMatchObject({ status: 'draft', answers: { note: 'written on a train' } });
  });

  it('an offline submit arrives exactly once', async () => {
    const { id, annotator } = await oneItemProject('Drafts: offline submit');
    const { context, page } = await e.open(annotator);
    await page.goto(`/projects/${id}/annotate`);
    await note(page).fill('sent from a tunnel');
    await waitForStatus(page, 'Saving…');
    await waitForStatus(page, 'Saved');

    await context.setOffline(true);
    await page.getByRole('button', { name: 'Submit' }).click();
    await waitForStatus(page, 'Offline — kept in this browser');
    await page.getByText('Your submission is kept in this browser').waitFor();
    expect((await exported(id)).map((a) => a.status)).toEqual(['draft']);

    await context.setOffline(false);
    await page.getByText('All done').waitFor();
    const annotations = await exported(id);
    const mine = annotations.filter((a) => a.annotator === annotator.email);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ status: 'submitted', answers: { note: 'sent from a tunnel' } });
    const history = await e.api.call(manager, 'GET', `/api/annotations/${mine[0].id}/revisions`);
    expect(history.body.items.filter((r: { kind: string }) => r.kind === 'submit')).toHaveLength(1);
  });

  it('a submit whose reply is lost is recorded once when the browser sends it again', async () => {
    const { id, annotator } = await oneItemProject('Drafts: lost reply');
    const { page } = await e.open(annotator);
    let lost = 0;
    // The server receives the first submit and answers it; the answer never reaches the page.
    await page.route('**/api/assignments/*/submit', async (route) => {
      if (lost > 0) return route.continue();
      lost += 1;
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.goto(`/projects/${id}/annotate`);
    await note(page).fill('said twice, kept once');
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.getByText('All done').waitFor();

    expect(lost).toBe(1);
    const mine = (await exported(id)).filter((a) => a.annotator === annotator.email);
    expect(mine.map((a) => [a.status, a.answers])).toEqual([
      ['submitted', { note: 'said twice, kept once' }],
    ]);
    const history = await e.api.call(manager, 'GET', `/api/annotations/${mine[0].id}/revisions`);
    expect(history.body.items.filter((r: { kind: string }) => r.kind === 'submit')).toHaveLength(1);
  });
});
