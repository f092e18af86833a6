import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goodReply, judgeInterface, judgeItem } from '../server/testing/judge-fixtures.ts';
import { type OpenAiServer, startOpenAiServer } from '../server/testing/openai-server.ts';
import { type E2E, projectWithItems, startE2E } from './harness.ts';

/**
 * A manager makes a model connection a judge of a pairwise project, runs it, watches the progress
 * reach the end, and finds the model's answers on the item's page, marked as a model judge's
 * (docs/judge.md), and the judge in the project's comparison with the people (docs/quality.md).
 */
let e: E2E;
let ai: OpenAiServer;
beforeAll(async () => {
  e = await startE2E({ runJobs: true });
  ai = await startOpenAiServer({ models: ['judge-1'] });
  ai.reply = goodReply;
});
afterAll(async () => {
  await e?.close();
  await ai?.close();
});

describe('a model judge', () => {
  it('is added, runs to the end, and its answers show as a model judge’s', async () => {
    const admin = await e.user('admin');
    const manager = await e.user('manager', 'Mona Manager');
    const connection = await e.api.call(admin, 'POST', '/api/models', {
      name: 'Judge One',
      baseUrl: ai.baseURL,
      model: 'judge-1',
      apiKey: ai.apiKey,
      allowPrivateNetwork: true,
    });
    expect(connection.status).toBe(201);
    const { id } = await projectWithItems(
      e,
      manager,
      { name: 'Pairs to judge', interface: judgeInterface, overlap: 2 },
      [judgeItem(1), judgeItem(2)],
    );

    const { page } = await e.open(manager);
    await page.goto(`/projects/${id}/members`);
    const panel = page.getByRole('region', { name: 'Model judge' });
    await panel.getByLabel('Model connection').selectOption({ label: 'Judge One (judge-1)' });
    await panel.getByRole('button', { name: 'Add as judge' }).click();
    await panel.getByText(/Judge One \(model\)\W* is a judge of this project\./).waitFor();
    const row = page.getByRole('table').getByRole('row').filter({ hasText: 'Judge One (model)' });
    await row.getByText('model', { exact: true }).waitFor();

    await panel.getByRole('button', { name: /^Run\W+Judge One \(model\)/ }).click();
    const bar = panel.getByRole('progressbar');
    await bar.waitFor();
    await expect.poll(async () => bar.getAttribute('aria-valuenow'), { timeout: 20_000 }).toBe('100');
    expect(ai.requests.length).toBe(2);

    const items = await e.api.call(manager, 'GET', `/api/projects/${id}/items?limit=1`);
    await page.goto(`/items/${items.body.items[0].id}`);
    const column = page.getByRole('article', { name: /Judge One \(model\)/ });
    await column.getByText('model judge', { exact: true }).waitFor();
    await page
      .getByRole('heading', { name: 'Annotations (0 of 2 wanted, and 1 by a model judge)' })
      .waitFor();

    // The project's overview compares the judge with the people (none have answered yet).
    await page.goto(`/projects/${id}`);
    const report = page.getByRole('region', { name: 'Model judges against the people' });
    await report.getByRole('button', { name: 'Compare' }).click();
    const overall = report.getByRole('table', { name: 'Overall' });
    const judgeRow = overall.getByRole('row').filter({ hasText: 'Judge One (model)' });
    await judgeRow.waitFor();
    expect(await judgeRow.getByRole('cell').allTextContents()).toEqual(['—', '—']);
    await report.getByText('Model judges do not count in the consensus export').waitFor();
  });
});
