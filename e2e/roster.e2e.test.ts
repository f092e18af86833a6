import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grant } from '../server/testing/roster-fixture.ts';
import { type E2E, startE2E } from './harness.ts';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

describe('the Roster page', () => {
  it('filters by name and skill, selects two, and suspends them after a confirmation that counts them', async () => {
    const admin = await e.user('admin');
    const tag = `Roster ${Date.now().toString(36)}`;
    const [one, two, three] = [
      await e.user('annotator', `${tag} One`),
      await e.user('annotator', `${tag} Two`),
      await e.user('annotator', `${tag} Three`),
    ];
    // One holds math at 2, which covers math.algebra; Two math.algebra itself; Three nothing.
    await grant(e.verity, one!.id, { math: 2 }, admin.id);
    await grant(e.verity, two!.id, { 'math.algebra': 3 }, admin.id);
    const { page } = await e.open(admin);
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Roster' }).click();
    await page.getByRole('heading', { name: 'Roster', level: 1 }).waitFor();
    const filters = page.getByRole('form', { name: 'Roster filters' });
    await filters.getByLabel('Name or email').fill(tag);
    await filters.getByLabel('Skill').fill('math.algebra');
    await filters.getByLabel('At level').selectOption('2');
    await filters.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText('1–2 of 2 people').waitFor();
    const rows = page.getByRole('table', { name: 'People' }).getByRole('row');
    expect(await rows.count()).toBe(3);
    expect(await page.getByRole('rowheader', { name: new RegExp(`${tag} Three`) }).count()).toBe(0);
    for (const p of [one!, two!])
      await page.getByRole('checkbox', { name: `Select \u2068${p.name}\u2069` }).check();
    await page.getByText('2 people selected.').waitFor();
    await page.getByRole('button', { name: 'Suspend 2 users' }).click();
    await page.getByText(/^Suspend 2 users\? Their sessions and API tokens stop working at once/).waitFor();
    await page.getByRole('button', { name: 'Yes, suspend 2 users' }).click();
    await page.getByRole('status').getByText('Suspend: 2 users changed.').waitFor();
    for (const p of [one!, two!]) {
      const me = await e.api.call(p, 'GET', '/api/auth/me');
      expect([me.status, me.body.error.code]).toEqual([403, 'ACCOUNT_SUSPENDED']);
    }
    expect((await e.api.call(three!, 'GET', '/api/auth/me')).status).toBe(200);
    // The table shows them suspended once it reloads; the CSV link carries the filters.
    await page.getByRole('table', { name: 'People' }).getByText('Suspended').first().waitFor();
    expect(await page.getByRole('table', { name: 'People' }).getByText('Suspended').count()).toBe(2);
    const csv = await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
    expect(csv).toContain('skill=math.algebra');
    expect(csv).toContain('minLevel=2');
  });
});
