import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestUser } from '../server/testing/harness.ts';
import { type E2E, projectWithItems, startE2E } from './harness.ts';

/** Interfaces that change after launch, as a lead and a tutor live it. */

let e: E2E;
let manager: TestUser;
beforeAll(async () => {
  e = await startE2E();
  manager = await e.user('manager');
});
afterAll(async () => e?.close());

const iface = {
  fields: [{ name: 'text', type: 'text' }],
  questions: [
    { name: 'topic', label: 'Topic', type: 'choice', options: ['algebra', 'geometry'] },
    { name: 'note', label: 'Note', type: 'text' },
  ],
};
const items = ['Solve x + 1 = 2.', 'Find the area of a unit circle.', 'Factor x² − 1.'].map((text, i) => ({
  id: `q${i + 1}`,
  data: { text },
}));

const statusIs = (page: Page, text: string) =>
  page.waitForFunction((t) => document.querySelector('[data-testid="save-status"]')?.textContent === t, text);

/** The manager's Interface tab with the topic's options replaced by `options`, saved. */
async function saveOptions(page: Page, projectId: number, options: string[]): Promise<void> {
  await page.goto(`/projects/${projectId}/interface`);
  const lines = page.getByLabel('Options, one per line');
  await lines.fill(options.join('\n'));
  await page.getByRole('button', { name: 'Save interface' }).click();
}

describe('interface versions', () => {
  it('adds an option while a tutor has a draft open: the draft survives, the option appears after reload', async () => {
    const { id, annotator } = await projectWithItems(
      e,
      manager,
      { name: 'Live edit', interface: iface },
      items,
    );
    const tutor = await e.open(annotator);
    await tutor.page.goto(`/projects/${id}/annotate`);
    await tutor.page.getByRole('radio', { name: 'algebra', exact: true }).click();
    await tutor.page.getByRole('textbox', { name: 'Note' }).pressSequentially('linear, one step');
    await statusIs(tutor.page, 'Saved');

    const lead = await e.open(manager);
    await saveOptions(lead.page, id, ['algebra', 'geometry', 'calculus']);
    await lead.page.getByText('Saved as version 2.').waitFor();

    // The tutor goes on typing under the old screen; the draft is accepted by the new version.
    await tutor.page.getByRole('textbox', { name: 'Note' }).pressSequentially(', checked');
    await statusIs(tutor.page, 'Saving…');
    await statusIs(tutor.page, 'Saved');
    await tutor.page.reload();
    await tutor.page.getByRole('radio', { name: 'calculus', exact: true }).waitFor();
    expect(await tutor.page.getByRole('radio', { name: 'algebra', exact: true }).isChecked()).toBe(true);
    expect(await tutor.page.getByRole('textbox', { name: 'Note' }).inputValue()).toBe(
      'linear, one step, checked',
    );

    const project = await e.api.call(manager, 'GET', `/api/projects/${id}`);
    expect(project.body.interface.version).toBe(2);
    const item = await e.api.call(manager, 'GET', `/api/items/${await firstItemId(id)}`);
    expect(item.body.annotations.map((a: { interfaceVersion: number }) => a.interfaceVersion)).toEqual([2]);
  });

  it('removes an option: the lead sees the changes and the count of answers first, and confirms', async () => {
    const { id, annotator } = await projectWithItems(
      e,
      manager,
      { name: 'Removal', interface: iface },
      items,
    );
    for (const topic of ['algebra', 'geometry', 'algebra']) {
      const next = await e.api.call(annotator, 'POST', `/api/projects/${id}/assignments/next`);
      const done = await e.api.call(annotator, 'POST', `/api/assignments/${next.body.assignment.id}/submit`, {
        answers: { topic },
        activeMs: 1000,
        idempotencyKey: `removal-${next.body.assignment.id}`,
      });
      expect(done.status).toBe(200);
    }
    const lead = await e.open(manager);
    await saveOptions(lead.page, id, ['geometry', 'calculus']);
    const dialog = lead.page.getByRole('dialog', { name: 'Apply a change that affects answers?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('This change affects 2 answers');
    expect(await dialog.getByRole('listitem').allTextContents()).toEqual([
      'option "algebra" removed from "topic": 2 answers',
    ]);
    // Keeping on editing changes nothing.
    await dialog.getByRole('button', { name: 'Keep editing' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await e.api.call(manager, 'GET', `/api/projects/${id}`)).body.interface.version).toBe(1);

    await lead.page.getByRole('button', { name: 'Save interface' }).click();
    await dialog.getByRole('button', { name: 'Apply the change' }).click();
    await lead.page.getByText('Saved as version 2.').waitFor();
    const project = await e.api.call(manager, 'GET', `/api/projects/${id}`);
    expect(project.body.interface.questions[0].options).toEqual(['geometry', 'calculus']);

    // The item page shows the older answer with the version it was given under.
    await lead.page.goto(`/items/${await firstItemId(id)}`);
    await lead.page.getByText('version 1 (now 2)').waitFor();
    expect(await lead.page.locator('.annotation-column dd', { hasText: '"algebra"' }).count()).toBe(1);
  });

  it('duplicates a project with its items from Settings', async () => {
    const { id } = await projectWithItems(e, manager, { name: 'Batch one', interface: iface }, items);
    const lead = await e.open(manager);
    await lead.page.goto(`/projects/${id}/settings`);
    await lead.page.getByLabel('Name of the copy').fill('Batch two');
    await lead.page.getByLabel('Copy the items too (without their annotations)').check();
    await lead.page.getByRole('button', { name: 'Duplicate project' }).click();
    await lead.page.getByRole('heading', { name: 'Batch two' }).waitFor();
    const copyId = Number(new URL(lead.page.url()).pathname.split('/')[2]);
    expect(copyId).not.toBe(id);
    const copy = await e.api.call(manager, 'GET', `/api/projects/${copyId}`);
    expect(copy.body).toMatchObject({ name: 'Batch two', progress: { items: 3 }, interface: { version: 1 } });
  });
});

async function firstItemId(projectId: number): Promise<number> {
  const list = await e.api.call(manager, 'GET', `/api/projects/${projectId}/items?limit=1`);
  return list.body.items[0].id;
}
