import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, projectWithItems, startE2E } from './harness.ts';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

const iface = { fields: [{ name: 'text', type: 'text' }], questions: [{ name: 'ok', type: 'text' }] };

describe('the members tab for a project manager', () => {
  it('invites by email without showing the account, lists the invitation and cancels it', async () => {
    const admin = await e.user('admin');
    const lead = await e.user('annotator', 'Lena Lead');
    const stranger = await e.user('annotator', 'Sam Stranger');
    const { id } = await projectWithItems(e, admin, { name: 'Invites', interface: iface }, []);
    await e.api.call(admin, 'POST', `/api/projects/${id}/members`, { userId: lead.id, role: 'manager' });

    const { page } = await e.open(lead);
    await page.goto(`/projects/${id}/members`);
    await page.getByLabel('Email').fill(stranger.email);
    await page.getByRole('button', { name: 'Invite', exact: true }).click();
    await page.getByText(`Invited ${stranger.email} as annotator`).waitFor();
    const pending = page.getByRole('table', { name: 'Pending invitations' });
    await pending.getByRole('cell', { name: stranger.email, exact: true }).waitFor();
    expect(await page.getByText('Sam Stranger').count()).toBe(0);

    await pending.getByRole('button', { name: `Cancel the invitation of ${stranger.email}` }).click();
    await page.getByText('No pending invitations.').waitFor();
  });
});

describe('the revision history of an imported annotation', () => {
  it('names who imported it and whose work it is filed as', async () => {
    const admin = await e.user('admin');
    const member = await e.user('annotator');
    const { id } = await projectWithItems(
      e,
      admin,
      { name: 'Imported work', interface: iface },
      [{ data: { text: 'hello' } }],
      member,
    );
    const imported = await e.verity.app.inject({
      method: 'POST',
      url: `/api/projects/${id}/items`,
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/x-ndjson' },
      payload: `${JSON.stringify({ data: { text: 'done elsewhere' }, annotations: [{ annotator: member.email, answers: { ok: 'yes' } }] })}\n`,
    });
    expect(imported.statusCode).toBe(201);
    const items = await e.api.call(admin, 'GET', `/api/projects/${id}/items?order=desc&limit=1`);
    const { page } = await e.open(admin);
    await page.goto(`/items/${items.body.items[0].id}`);
    await page.getByText('Revision history').click();
    const revision = page.getByRole('listitem').filter({ hasText: 'Revision 1: Imported' });
    await revision.waitFor();
    expect(await revision.locator('p').textContent()).toMatch(
      new RegExp(`Revision 1: Imported by ${admin.email}, as the work of ${member.email}, `),
    );
  });
});
