import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, projectWithItems, startE2E } from './harness.ts';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

const iface = {
  fields: [{ name: 'text', type: 'text' }],
  questions: [{ name: 'topic', type: 'choice', options: ['algebra', 'geometry'] }],
};
/** Six items; "passage" is in every one, so searching for it keeps them all. */
const lines = Array.from({ length: 6 }, (_, i) => ({
  id: `doc-${i + 1}`,
  data: { text: `The passage number ${i + 1}, about ${i % 2 ? 'triangles' : 'primes'}.` },
  meta: { batch: i < 3 ? 'first' : 'second' },
}));

const rowOf = (page: Page, id: number) =>
  page
    .getByRole('table', { name: 'Items' })
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: `#${id}`, exact: true }) });
const bodyRows = (page: Page) => page.getByRole('table', { name: 'Items' }).locator('tbody tr');
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

describe('the item browser', () => {
  it('searches, filters, sorts, keeps the view in the address, and acts on a selection', async () => {
    const lead = await e.user('manager', 'Lena Lead');
    const tutor = await e.user('annotator', 'Tara Tutor');
    const { id } = await projectWithItems(e, lead, { name: 'Browser', interface: iface }, lines, tutor);
    const listed = await e.api.call(lead, 'GET', `/api/projects/${id}/items?limit=10`);
    const ids: number[] = listed.body.items.map((i: { id: number }) => i.id);
    // The tutor drafts and skips the first item, and submits the second.
    const first = await e.api.call(tutor, 'POST', `/api/projects/${id}/assignments/next`);
    await e.api.call(tutor, 'PUT', `/api/assignments/${first.body.assignment.id}/draft`, {
      answers: { topic: 'algebra' },
    });
    await e.api.call(tutor, 'POST', `/api/assignments/${first.body.assignment.id}/skip`, {});
    const second = await e.api.call(tutor, 'POST', `/api/projects/${id}/assignments/next`);
    const submitted = await e.api.call(
      tutor,
      'POST',
      `/api/assignments/${second.body.assignment.id}/submit`,
      {
        answers: { topic: 'geometry' },
        idempotencyKey: 'browser-journey-1',
      },
    );
    expect(submitted.status).toBe(200);

    const { page } = await e.open(lead);
    await page.goto(`/projects/${id}/items`);
    await rowOf(page, ids[5]!).waitFor();
    // Each row shows the start of its text, as text.
    expect(await rowOf(page, ids[0]!).textContent()).toContain('The passage number 1, about primes.');

    // Search (after a pause in typing), then filter: both go to the address.
    await page.getByLabel('Search item text').fill('passage');
    await page.waitForURL(/q=passage/);
    await page.getByLabel('Status').selectOption('open');
    await page.waitForURL(/status=open/);
    await rowOf(page, ids[1]!).waitFor({ state: 'detached' });
    await expect.poll(() => bodyRows(page).count()).toBe(5); // the skipped item is open again; the second is complete
    await page.getByRole('button', { name: 'Priority', exact: true }).click();
    await page.waitForURL(/sort=priority/);
    const priorityHeader = page.getByRole('columnheader', { name: 'Priority' });
    expect(await priorityHeader.getAttribute('aria-sort')).toBe('descending');

    // A reload brings the same view back: search box, filter, chips and sort.
    await page.reload();
    await rowOf(page, ids[0]!).waitFor();
    expect(await page.getByLabel('Search item text').inputValue()).toBe('passage');
    expect(await page.getByLabel('Status').inputValue()).toBe('open');
    const chips = page.getByRole('list', { name: 'Active filters' });
    expect(await chips.getByRole('listitem').allTextContents()).toEqual([
      'Text: “passage”Remove filter Text: “passage”',
      'Status: OpenRemove filter Status: Open',
    ]);
    expect(await priorityHeader.getAttribute('aria-sort')).toBe('descending');
    await expect.poll(() => bodyRows(page).count()).toBe(5);

    // Select two items and raise their priority.
    await page.getByLabel(`Select item #${ids[2]}`, { exact: true }).check();
    await page.getByLabel(`Select item #${ids[3]}`, { exact: true }).check();
    await page.getByRole('heading', { name: '2 items selected' }).waitFor();
    const exportLink = page.getByRole('link', { name: 'Export the selection…' });
    expect(await exportLink.getAttribute('href')).toBe(`/projects/${id}/export?ids=${ids[2]},${ids[3]}`);
    await page.getByLabel('Priority', { exact: true }).fill('7');
    await page.getByRole('button', { name: 'Set priority' }).click();
    await page.getByText('Priority set to 7 on 2 items.').waitFor();
    const after = await e.api.call(lead, 'GET', `/api/projects/${id}/items?limit=10`);
    const priorities = Object.fromEntries(
      after.body.items.map((i: { id: number; priority: number }) => [i.id, i.priority]),
    );
    expect([priorities[ids[2]!], priorities[ids[3]!], priorities[ids[4]!]]).toEqual([7, 7, 0]);

    // Return the skipped item to the queue: the skip becomes an expired claim, its draft kept.
    await page.getByRole('button', { name: 'Clear selection' }).click();
    await page.getByLabel(`Select item #${ids[0]}`, { exact: true }).check();
    await page.getByRole('button', { name: 'Return to the queue' }).click();
    await page.getByText('1 item returned to the queue.').waitFor();
    const returned = await e.api.call(lead, 'GET', `/api/items/${ids[0]}`);
    expect(returned.body.assignments.map((a: { status: string }) => a.status)).toEqual(['expired']);
    expect(returned.body.annotations.map((a: { status: string }) => a.status)).toEqual(['draft']);

    // Delete it and the last: the dialog says how many, and that their annotations go too.
    await page.getByRole('button', { name: 'Clear selection' }).click();
    await page.getByLabel(`Select item #${ids[0]}`, { exact: true }).check();
    await page.getByLabel(`Select item #${ids[5]}`, { exact: true }).check();
    await page.getByRole('button', { name: 'Delete…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete 2 items?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('every annotation on them');
    expect(await focusedText(page)).toBe('Cancel');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await focusedText(page)).toBe('Delete…');
    await page.getByRole('button', { name: 'Delete…' }).click();
    await dialog.getByRole('button', { name: 'Delete 2 items' }).click();
    const said = page.getByText('2 items deleted, with 1 annotation.');
    await said.waitFor();
    expect(await focusedText(page)).toBe('2 items deleted, with 1 annotation.');
    await rowOf(page, ids[0]!).waitFor({ state: 'detached' });
    await expect.poll(() => bodyRows(page).count()).toBe(3);
    const left = await e.api.call(lead, 'GET', `/api/projects/${id}/items?limit=10`);
    expect(left.body.items.map((i: { id: number }) => i.id)).toEqual([ids[1], ids[2], ids[3], ids[4]]);

    // Clearing the filters is a step of its own: Back returns to the filtered view.
    await page.getByRole('button', { name: 'Clear all filters' }).click();
    await page.waitForURL((url) => !url.search.includes('status'));
    await rowOf(page, ids[1]!).waitFor();
    expect(await page.getByLabel('Search item text').inputValue()).toBe('');
    await page.goBack();
    await page.waitForURL(/status=open/);
    expect(await page.getByLabel('Search item text').inputValue()).toBe('passage');
    expect(await page.getByLabel('Status').inputValue()).toBe('open');
  });

  it('narrows by words, answer, metadata and annotator, and sorts by priority, on the server', async () => {
    const lead = await e.user('manager', 'Nora Narrow');
    const tutor = await e.user('annotator', 'Tom Tutor');
    const { id } = await projectWithItems(e, lead, { name: 'Narrowing', interface: iface }, lines, tutor);
    const listed = await e.api.call(lead, 'GET', `/api/projects/${id}/items?limit=10`);
    const ids: number[] = listed.body.items.map((i: { id: number }) => i.id);
    // The tutor answers the first two items: doc-1 algebra, doc-2 geometry.
    for (const topic of ['algebra', 'geometry']) {
      const next = await e.api.call(tutor, 'POST', `/api/projects/${id}/assignments/next`);
      const done = await e.api.call(tutor, 'POST', `/api/assignments/${next.body.assignment.id}/submit`, {
        answers: { topic },
        idempotencyKey: `narrow-${topic}`,
      });
      expect(done.status).toBe(200);
    }
    await e.api.call(lead, 'POST', `/api/projects/${id}/items/actions`, {
      action: 'priority',
      ids: [ids[5]],
      priority: 9,
    });
    const shown = async (page: Page) =>
      (await bodyRows(page).locator('a[href^="/items/"]').allTextContents()).map((t) => Number(t.slice(1)));

    const { page } = await e.open(lead);
    await page.goto(`/projects/${id}/items`);
    await rowOf(page, ids[5]!).waitFor();
    // Words: "triangles" is in doc-2, doc-4 and doc-6 only; "tri" as a prefix finds the same.
    await page.getByLabel('Search item text').fill('tri');
    await page.waitForURL(/q=tri/);
    await expect.poll(() => shown(page)).toEqual([ids[1], ids[3], ids[5]]);
    // Sorted by priority, highest first: doc-6 leads.
    await page.getByRole('button', { name: 'Priority', exact: true }).click();
    await page.waitForURL(/sort=priority/);
    await expect.poll(async () => (await shown(page))[0]).toBe(ids[5]);
    // An answer filter picked from the interface: geometry leaves doc-2.
    const byAnswer = page.getByRole('form', { name: 'Filter by answer' });
    await byAnswer.getByLabel('Question').selectOption('topic');
    await byAnswer.getByLabel('Answer').selectOption('geometry');
    await byAnswer.getByRole('button', { name: 'Add answer filter' }).click();
    await page.waitForURL(/answer=topic%3Ageometry|answer=topic:geometry/);
    await expect.poll(() => shown(page)).toEqual([ids[1]]);

    // Metadata and annotator, from a shared address: batch "second" is doc-4 to doc-6.
    await page.goto(`/projects/${id}/items?meta=batch:second`);
    await expect.poll(() => shown(page)).toEqual([ids[3], ids[4], ids[5]]);
    await page.getByLabel('Annotator').selectOption(String(tutor.id));
    await page.waitForURL(/annotator=/);
    await page.getByText('No items match these filters.').waitFor();
    await page.getByRole('button', { name: /Remove filter Metadata/ }).click();
    await expect.poll(() => shown(page)).toEqual([ids[0], ids[1]]);
  });

  it('says when nothing matches, and offers the whole list back', async () => {
    const lead = await e.user('manager');
    const { id } = await projectWithItems(
      e,
      lead,
      { name: 'Empty view', interface: iface },
      lines.slice(0, 2),
    );
    const { page } = await e.open(lead);
    await page.goto(`/projects/${id}/items?status=stranded`);
    await page.getByText('No items match these filters.').waitFor();
    await page.getByRole('button', { name: 'Show every item' }).click();
    await page.waitForURL((url) => url.search === '');
    await expect.poll(() => bodyRows(page).count()).toBe(2);
  });
});
