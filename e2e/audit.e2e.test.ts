import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, startE2E } from './harness.ts';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

describe('the Audit page', () => {
  it('shows a role change with its changed key, filters by action, and links the export', async () => {
    const admin = await e.user('admin');
    const person = await e.user('annotator', `Audited ${Date.now().toString(36)}`);
    expect((await e.api.call(admin, 'PATCH', `/api/users/${person.id}`, { role: 'reviewer' })).status).toBe(
      200,
    );
    const { page } = await e.open(admin);
    await page.goto('/audit');
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    await page.getByLabel('Action').fill('user.role');
    await page.getByRole('button', { name: 'Filter' }).click();
    // The filtered page replaces the unfiltered one: wait until every row shown is of the action
    // (other browser tests share the server and may have changed roles too).
    await expect
      .poll(async () => {
        const shown = (await page.getByRole('row').allInnerTexts()).slice(1);
        return shown.length > 0 && shown.every((text) => text.includes('user.role'));
      })
      .toBe(true);
    const row = page.getByRole('row').filter({ hasText: person.email });
    await row.getByText('role: "annotator" → "reviewer"').waitFor();
    expect(await row.count()).toBe(1);
    const csv = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
    expect(csv).toContain('/api/audit/export?action=user.role&format=csv');
  });
});
