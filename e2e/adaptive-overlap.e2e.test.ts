import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, projectWithItems, startE2E } from './harness.ts';

/** Adaptive overlap in the project settings, and the disagreement column of the item browser. */

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

const iface = {
  fields: [{ name: 'text', type: 'text' }],
  questions: [{ name: 'topic', type: 'choice', options: ['algebra', 'geometry'] }],
};
const line = (id: string, topics: string[]) => ({
  id,
  data: { text: `Item ${id}` },
  annotations: topics.map((topic, k) => ({ annotator: `Expert ${k} (external)`, answers: { topic } })),
});

const bodyRows = (page: Page) => page.getByRole('table', { name: 'Items' }).locator('tbody tr');
const rowTexts = async (page: Page) =>
  (await bodyRows(page).allTextContents()).map((t) => t.replace(/\s+/g, ' '));

describe('adaptive overlap and disagreement in the browser', () => {
  it('is set in Settings, and the item browser sorts and filters by disagreement', async () => {
    const lead = await e.user('manager', 'Lena Lead');
    const { id } = await projectWithItems(e, lead, { name: 'Adaptive', interface: iface, overlap: 2 }, [
      line('calm', ['algebra', 'algebra']),
      line('split', ['algebra', 'geometry']),
      line('fresh', []),
    ]);
    const { page } = await e.open(lead);
    await page.goto(`/projects/${id}/settings`);
    await page.getByLabel('Adaptive overlap: more annotators only for items whose answers disagree').check();
    await page.getByLabel('Annotators per item: maximum').fill('2');
    await page.getByLabel('Disagreement threshold').fill('0.3');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page
      .getByText('Enter a whole number of annotators above the minimum (overlap), at most 100.')
      .waitFor();
    await page.getByLabel('Annotators per item: maximum').fill('3');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect
      .poll(async () => (await e.api.call(lead, 'GET', `/api/projects/${id}`)).body.adaptiveOverlap)
      .toEqual({ max: 3, threshold: 0.3 });
    expect(await page.getByLabel('Annotators per item: minimum (overlap)').inputValue()).toBe('2');

    await page.goto(`/projects/${id}/items`);
    await bodyRows(page).nth(2).waitFor();
    // Turning it on gave the disputed item a third slot: "2 of 3"; its score shows as 1.00.
    const rows = await rowTexts(page);
    expect(rows[0]).toContain('2 of 2');
    expect(rows[0]).toContain('0.00');
    expect(rows[1]).toContain('2 of 3');
    expect(rows[1]).toContain('1.00');
    expect(rows[2]).toContain('0 of 2');
    await page.getByRole('button', { name: 'Disagreement' }).click();
    await page.waitForURL(/sort=disagreement&order=desc/);
    await expect.poll(async () => (await rowTexts(page))[0]).toContain('Item split');
    expect((await rowTexts(page))[2]).toContain('Item fresh');
    await page.getByLabel('Disagreement at least (0 to 1)').fill('0.5');
    await page.waitForURL(/minDisagreement=0.5/);
    await expect.poll(async () => bodyRows(page).count()).toBe(1);
    expect((await rowTexts(page))[0]).toContain('Item split');
    // The item's page says how many answers it wants now, and how far they disagree.
    await bodyRows(page).first().getByRole('link').first().click();
    await page.getByRole('heading', { name: /Annotations \(2 of 3 wanted\)/ }).waitFor();
    await page.getByText('Disagreement between the answers: 1.00').waitFor();
  });
});
