import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { promptLine } from '../server/generation/fixtures.ts';
import { type OpenAiServer, startOpenAiServer } from '../server/testing/openai-server.ts';
import { type E2E, projectWithItems, startE2E } from './harness.ts';

/**
 * Generating candidates from the console (docs/generation.md): an admin picks a model connection
 * in the project's Generate candidates panel for items imported with the prompt alone, watches
 * the job's bar reach the end, and the items open for annotation with both candidates.
 */
const KEY = 'sk-e2e-generation-3d9a';
let e: E2E;
let ai: OpenAiServer;

beforeAll(async () => {
  e = await startE2E({ runJobs: true });
  ai = await startOpenAiServer({ apiKey: KEY, models: ['e2e-model'] });
});
afterAll(async () => {
  await e?.close();
  await ai?.close();
});

describe('generating candidates', () => {
  it('starts from the console, shows the bar to the end, and the items open for annotation', async () => {
    const admin = await e.user('admin');
    const created = await e.api.call(admin, 'POST', '/api/models', {
      name: 'Lab model',
      baseUrl: ai.baseURL,
      model: 'e2e-model',
      apiKey: KEY,
      allowPrivateNetwork: true,
    });
    expect(created.status).toBe(201);
    const { id, annotator } = await projectWithItems(
      e,
      admin,
      {
        name: 'Prompts',
        interface: {
          fields: [
            { name: 'prompt', type: 'chat' },
            { name: 'pair', type: 'responses' },
          ],
          questions: [{ name: 'better', type: 'pairwise', field: 'pair', required: true }],
        },
      },
      [promptLine(1), promptLine(2)],
    );
    const { page } = await e.open(admin);
    await page.goto(`/projects/${id}/import`);
    const panel = page.getByRole('region', { name: 'Generate candidates' });
    await panel.getByText('2 items awaiting them').waitFor();
    expect(await panel.getByLabel('Model connection').inputValue()).toBe(String(created.body.id));
    await panel.getByLabel('Candidates per item').fill('2');
    await panel.getByRole('button', { name: 'Generate candidates' }).click();
    const bar = panel.getByRole('progressbar');
    await bar.waitFor();
    await expect.poll(() => bar.getAttribute('aria-valuenow'), { timeout: 20_000 }).toBe('100');
    expect(ai.requestCount).toBe(4);
    // The job's end reads the project again: nothing awaits candidates any more.
    await panel.getByText('0 items awaiting them').waitFor();

    // The items are open: the annotator is served one, with its two generated candidates.
    const work = await e.open(annotator);
    await work.page.goto(`/projects/${id}/annotate`);
    await work.page.locator('[data-question]').first().waitFor();
    expect(await work.page.locator('.candidate-pair .candidate').count()).toBe(2);
    expect(await work.page.locator('.candidates').textContent()).not.toContain('e2e-model');
  });
});
