import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, startE2E } from './harness.ts';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

describe('bulk suspension on the Users page', () => {
  it('selects rows, says how many it will suspend, and suspends them at once', async () => {
    const admin = await e.user('admin');
    const tag = `Bulk ${Date.now().toString(36)}`;
    const people = [await e.user('annotator', `${tag} One`), await e.user('annotator', `${tag} Two`)];
    await e.user('annotator', `${tag} Three`);
    const { page } = await e.open(admin);
    await page.goto(`/users?q=${encodeURIComponent(tag)}`);
    for (const p of people)
      await page.getByRole('checkbox', { name: `Select \u2068${p.name}\u2069` }).check();
    await page.getByRole('button', { name: 'Suspend 2 users' }).click();
    await page.getByText(/^Suspend 2 users\? Their sessions and API tokens stop working at once/).waitFor();
    await page.getByRole('button', { name: 'Yes, suspend 2 users' }).click();
    await page.getByRole('status').getByText('Suspend: 2 users changed.').waitFor();
    for (const p of people) {
      const me = await e.api.call(p, 'GET', '/api/auth/me');
      expect([me.status, me.body.error.code]).toEqual([403, 'ACCOUNT_SUSPENDED']);
    }
    const third = await e.api.call(admin, 'GET', `/api/users?q=${encodeURIComponent(`${tag} Three`)}`);
    expect(third.body.items[0].status).toBe('active');
    expect(await page.getByRole('button', { name: /^Suspend \d+ users?$/ }).count()).toBe(0);
  });
});
