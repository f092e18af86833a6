import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { next, submit, validAnswers } from '../server/testing/factories.ts';
import { sampleInterface } from '../server/testing/harness.ts';
import { type E2E, projectWithItems, startE2E } from './harness.ts';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

describe('the work log', () => {
  it('shows a manager the day’s work with the pay rate set in the settings and a CSV to download; a tutor sees their own in My work', async () => {
    const manager = await e.user('manager');
    const { id, annotator } = await projectWithItems(
      e,
      manager,
      { name: 'Paid proofs', interface: sampleInterface, overlap: 2 },
      [{ data: { text: 'one', source: 'e2e' } }, { data: { text: 'two', source: 'e2e' } }],
    );
    const other = await e.user('annotator');
    await e.api.call(manager, 'POST', `/api/projects/${id}/members`, { email: other.email });
    for (const [who, items] of [
      [annotator, 2],
      [other, 1],
    ] as const) {
      for (let i = 0; i < items; i++) {
        const got = await next(e.api, who, id);
        expect(
          (await submit(e.api, who, got.body.assignment.id, validAnswers, undefined, 90_000)).status,
        ).toBe(200);
      }
    }

    const { page } = await e.open(manager);
    // The rate is set in the project's settings: per item, 2 EUR.
    await page.goto(`/projects/${id}/settings`);
    await page.getByLabel('Pay', { exact: true }).selectOption('item');
    await page.getByLabel('Rate', { exact: true }).fill('2');
    await page.getByLabel('Currency (ISO code)').fill('eur');
    await page.getByRole('button', { name: 'Save pay rate' }).click();
    await page.getByText('Pay rate saved.').waitFor();
    expect((await e.api.call(manager, 'GET', `/api/projects/${id}`)).body.pay).toEqual({
      unit: 'item',
      rateCents: 200,
      currency: 'EUR',
    });
    await page.getByRole('link', { name: 'Work log' }).click();
    const table = page.getByRole('table');
    const row = table.getByRole('row').filter({ hasText: annotator.email });
    await row.waitFor();
    expect(await row.getByRole('cell').allInnerTexts()).toEqual([
      new Date().toISOString().slice(0, 10),
      annotator.email,
      'Paid proofs',
      '2',
      '0',
      '0',
      '3.00',
      '2.00 EUR / item',
      '4.00 EUR',
    ]);
    const href = await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
    expect(href).toMatch(/^\/api\/worklog\.csv\?from=\d{4}-\d{2}-01&to=/);
    const csv = await page.evaluate(async (url) => (await fetch(url!)).text(), href);
    expect(csv).toContain(`,${annotator.email},`);
    expect(csv).toContain(',2,0,0,3.00,item,2.00,EUR,4.00\r\n');

    const tutor = await e.open(other);
    await tutor.page.goto('/my-work');
    const mine = tutor.page.getByRole('table').getByRole('row');
    await mine.filter({ hasText: other.email }).waitFor();
    expect(await mine.count()).toBe(2); // the header and their one row
    expect(await tutor.page.getByText(annotator.email).count()).toBe(0);
  });
});
