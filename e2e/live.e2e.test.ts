import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestUser } from '../server/testing/harness.ts';
import { type OpenAiServer, startOpenAiServer } from '../server/testing/openai-server.ts';
import { checkPage, describeFindings } from './axe.ts';
import { type E2E, projectWithItems, startE2E } from './harness.ts';

/**
 * Live mode in the browser: a tutor talks with the project's model (the loopback OpenAI server,
 * its replies streamed word by word), rates one reply, rewrites another and submits; the export
 * holds the whole conversation, and the SFT export trains on the rewrite.
 */

const KEY = 'sk-e2e-live-2b7c';
let e: E2E;
let ai: OpenAiServer;
let manager: TestUser;
beforeAll(async () => {
  e = await startE2E();
  ai = await startOpenAiServer({ apiKey: KEY, models: ['tiny-1'], chunkDelayMs: 20 });
  manager = await e.user('manager');
});
afterAll(async () => {
  await e?.close();
  await ai?.close();
});

const iface = {
  fields: [{ name: 'opening', label: 'Opening', type: 'chat' }],
  questions: [
    {
      name: 'talk',
      label: 'Talk with the model',
      type: 'live',
      field: 'opening',
      rating: { min: 1, max: 5 },
      flags: ['wrong'],
      rewrite: true,
      required: true,
    },
  ],
};
const SYSTEM = { role: 'system', content: 'You are a patient maths tutor.' };

describe('live mode', () => {
  it('streams the reply, rates one turn, rewrites another, submits, and the export holds the conversation', async () => {
    const admin = await e.user('admin');
    const connection = await e.api.call(admin, 'POST', '/api/models', {
      name: 'Tutor model',
      baseUrl: ai.baseURL,
      model: 'tiny-1',
      apiKey: KEY,
      allowPrivateNetwork: true,
    });
    expect(connection.status).toBe(201);
    const { id, annotator } = await projectWithItems(e, manager, { name: 'Live', interface: iface }, [
      { id: 'talk-1', data: { opening: [SYSTEM] } },
    ]);
    // The manager chooses the project's live model in its settings.
    const lead = await e.open(manager);
    await lead.page.goto(`/projects/${id}/settings`);
    await lead.page.getByLabel('Model connection').selectOption({ label: 'Tutor model (tiny-1)' });
    await lead.page.getByRole('button', { name: 'Save live chat model' }).click();
    await lead.page.getByText('Live questions now talk with Tutor model.').waitFor();
    const set = await e.api.call(manager, 'GET', `/api/projects/${id}/live-connection`);
    expect(set.body.connectionId).toBe(connection.body.id);
    await lead.context.close();

    const { page } = await e.open(annotator);
    await page.goto(`/projects/${id}/annotate`);
    const composer = page.getByRole('textbox', { name: /Your message/ });
    await composer.waitFor();
    await page.getByText('You are a patient maths tutor.').waitFor();

    // Enter sends; the reply appears as it streams, then joins the conversation.
    await composer.fill('Name a prime number');
    await composer.press('Enter');
    await page.getByTestId('live-streaming').waitFor();
    await page.getByRole('status').filter({ hasText: 'The model replied.' }).waitFor();
    await page
      .getByTestId('conversation')
      .getByText(/Reply to: Name a prime number/)
      .waitFor();
    expect(await page.getByTestId('live-streaming').count()).toBe(0);

    // Shift+Enter is a new line; the second message asks again. Its first reply fails: the error
    // is a sentence, and Retry (focused) asks again.
    await composer.focus();
    await page.keyboard.type('And another');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('one?');
    expect(await composer.inputValue()).toBe('And another\none?');
    ai.scriptWhen('And another', { status: 500 });
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Tutor model' }).waitFor();
    const retry = page.getByRole('button', { name: 'Retry' });
    await retry.and(page.locator(':focus')).waitFor();
    await page.keyboard.press('Enter');
    await page
      .getByTestId('conversation')
      .getByText(/Reply to: And another/)
      .waitFor();

    // Per reply: a rating for the first, a rating and a rewrite for the second.
    await page.getByRole('radiogroup', { name: 'Rating of reply 1' }).getByRole('radio').nth(3).focus();
    await page.keyboard.press('Space');
    await page.getByRole('radiogroup', { name: 'Rating of reply 2' }).getByRole('radio').nth(1).focus();
    await page.keyboard.press('Space');
    await page.getByRole('textbox', { name: 'Rewrite of reply 2' }).fill('Seven is prime too.');
    const findings = await checkPage(page, { page: 'annotate', theme: 'light', state: 'live, replied' });
    expect(findings, describeFindings(findings)).toEqual([]);

    await page.keyboard.press('Control+Enter');
    await page
      .getByText(/No more items|nothing left|all done/i)
      .first()
      .waitFor();

    const res = await e.api.call(manager, 'GET', `/api/projects/${id}/export`);
    const talk = JSON.parse(String(res.body).trim()).annotations[0].answers.talk;
    expect(talk.messages.map((m: { role: string }) => m.role)).toEqual([
      'system',
      'user',
      'assistant',
      'user',
      'assistant',
    ]);
    expect(talk.messages[3].content).toBe('And another\none?');
    expect(talk.messages[2]).toMatchObject({
      model: 'tiny-1',
      content: expect.stringMatching(/^Reply to: Name/),
    });
    expect(talk.messages[2].latencyMs).toBeGreaterThanOrEqual(0);
    expect(talk.turns).toEqual([
      { turn: 2, rating: 4 },
      { turn: 4, rating: 2, rewrite: 'Seven is prime too.' },
    ]);
    // The model was sent the item's opening turns, then the conversation.
    expect(ai.requests.at(-1)!.messages.slice(0, 2)).toEqual([
      SYSTEM,
      { role: 'user', content: 'Name a prime number' },
    ]);

    const sft = await e.api.call(manager, 'GET', `/api/projects/${id}/export?format=sft`);
    const example = JSON.parse(String(sft.body).trim());
    expect(example.messages.at(-1)).toEqual({ role: 'assistant', content: 'Seven is prime too.' });
    expect(example.messages).toHaveLength(5);
  });
});
