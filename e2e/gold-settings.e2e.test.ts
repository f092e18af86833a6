import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, projectWithItems, startE2E } from './harness.ts';

/** The gold section of the project settings: the warm-up, the rate and the bar, checked before saving. */

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

const iface = {
  fields: [{ name: 'text', type: 'text' }],
  questions: [{ name: 'topic', type: 'choice', options: ['algebra', 'geometry'] }],
};

describe('gold settings in the browser', () => {
  it('shows a problem at its input, then saves the warm-up, the rate and the bar', async () => {
    const lead = await e.user('manager', 'Gita Gold');
    const { id } = await projectWithItems(e, lead, { name: 'Gold form', interface: iface }, [
      { id: 'one', data: { text: 'One' } },
    ]);
    const goldOf = async () => (await e.api.call(lead, 'GET', `/api/projects/${id}`)).body.gold;
    const before = await goldOf();
    const { page } = await e.open(lead);
    await page.goto(`/projects/${id}/settings`);
    const panel = page.getByRole('region', { name: 'Gold items' });
    await panel.getByLabel('Warm-up (gold items first)').fill('2');
    await panel.getByLabel('Gold rate after the warm-up (%)').fill('10');
    await panel.getByLabel('Pause annotators whose gold accuracy falls below a bar').check();
    const accuracy = panel.getByLabel('Minimum accuracy (%)');
    await accuracy.fill('150');
    await panel.getByLabel('After this many scored gold items').fill('5');
    await panel.getByRole('button', { name: 'Save gold settings' }).click();
    await panel.getByText('Enter a percentage from 0 to 100.').waitFor();
    expect(await accuracy.getAttribute('aria-invalid')).toBe('true');
    // Refused in the browser: nothing was sent.
    expect(await goldOf()).toEqual(before);

    await accuracy.fill('80');
    await panel.getByRole('button', { name: 'Save gold settings' }).click();
    await panel.getByText('Gold settings saved.').waitFor();
    expect(await accuracy.getAttribute('aria-invalid')).toBeNull();
    expect(await goldOf()).toEqual({
      warmup: 2,
      rate: 0.1,
      bar: { minAccuracy: 0.8, after: 5 },
      questions: {},
    });
  });
});
