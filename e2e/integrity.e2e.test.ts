import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage } from './axe.ts';
import { type E2E, projectWithItems, startE2E } from './harness.ts';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

const iface = {
  fields: [{ name: 'prompt', type: 'text' }],
  questions: [{ name: 'proof', type: 'text', label: 'Your proof', multiline: true }],
};
const lines = [{ data: { prompt: 'Prove that there are infinitely many primes.' } }];
const pasted =
  'Suppose there were finitely many primes p1, ..., pn. Let N = p1 * p2 * ... * pn + 1. ' +
  'No pi divides N, since each leaves the remainder 1, so any prime factor of N is a prime ' +
  'missing from the list, a contradiction. Hence there are infinitely many primes, as Euclid showed.';

describe('a long answer pasted into a text question', () => {
  it('is submitted as usual, and the manager sees it flagged "mostly pasted" on the item page and in the list', async () => {
    expect([...pasted].length).toBeGreaterThanOrEqual(200);
    const lead = await e.user('manager', 'Lena Lead');
    const tutor = await e.user('annotator', 'Tara Tutor');
    const { id } = await projectWithItems(e, lead, { name: 'Proofs', interface: iface }, lines, tutor);

    const { context, page } = await e.open(tutor);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: e.baseUrl });
    await page.goto(`/projects/${id}/annotate`);
    const box = page.getByRole('textbox', { name: 'Your proof' });
    await box.waitFor();
    await box.focus();
    await page.keyboard.type('Proof. ', { delay: 40 });
    await page.evaluate((text) => navigator.clipboard.writeText(text), pasted);
    await page.keyboard.press('Control+V');
    await expect.poll(() => box.inputValue()).toBe(`Proof. ${pasted}`);
    await page.getByRole('button', { name: /^Submit/ }).click();
    await page.getByRole('heading', { name: 'All done' }).waitFor();

    // The tutor's own answer carries no flag, here or through the API.
    const mine = await e.api.call(tutor, 'GET', `/api/projects/${id}/assignments/mine`);
    expect(JSON.stringify(mine.body)).not.toMatch(/signals|flags|mostly_pasted/);

    const manager = await e.open(lead);
    await manager.page.goto(`/projects/${id}/items`);
    await manager.page.getByLabel('Flagged answers only').check();
    const table = manager.page.getByRole('table', { name: 'Items' });
    const row = table.getByRole('row').filter({ hasText: 'Flagged' });
    await row.waitFor();
    expect(manager.page.url()).toContain('flagged=only');
    expect(await checkPage(manager.page, { page: 'items, flagged only', theme: 'light' })).toEqual([]);
    await row.getByRole('link').click();

    const flags = manager.page.getByRole('list', { name: 'Integrity flags' });
    await flags.waitFor();
    const text = (await flags.textContent()) ?? '';
    expect(text).toContain('mostly pasted');
    expect(text).toContain(`Your proof: ${[...pasted].length.toLocaleString('en')} characters pasted`);
    expect(text).toContain(`the answer is ${[...`Proof. ${pasted}`].length.toLocaleString('en')} long`);
    expect(text).not.toContain('implausibly fast');
    expect(await checkPage(manager.page, { page: 'item with a flag', theme: 'light' })).toEqual([]);

    // What the browser measured: the paste by the clipboard's length, the typing key by key.
    const itemId = Number(manager.page.url().split('/').pop());
    const detail = await e.api.call(lead, 'GET', `/api/items/${itemId}`);
    const signals = detail.body.annotations[0].signals.proof;
    expect(signals).toMatchObject({ pastedChars: [...pasted].length, typedChars: 'Proof. '.length });
    expect(signals.typingMs).toBeGreaterThan(0);
    expect(signals.typingMs).toBeLessThan(5000);
  });
});
