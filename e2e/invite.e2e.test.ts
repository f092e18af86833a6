import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleInterface } from '../server/testing/harness.ts';
import { type E2E, startE2E } from './harness.ts';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

describe('invite links', () => {
  it('an admin makes an invite to a project; a new browser opens it, sets a password and lands in their work', async () => {
    const admin = await e.user('admin');
    const created = await e.api.call(admin, 'POST', '/api/projects', {
      name: 'Algebra proofs',
      interface: sampleInterface,
    });
    expect(created.status).toBe(201);
    const { context, page } = await e.open(admin);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/invites');
    await page.getByRole('heading', { name: 'Invite someone' }).waitFor();
    await page.getByLabel('Email (optional)').fill('new.tutor@example.org');
    await page.getByRole('checkbox', { name: 'Algebra proofs' }).check();
    await page.getByRole('button', { name: 'Make invite link' }).click();
    await page.getByText('It is shown only this once.').waitFor();
    const url = await page.getByLabel('Invite link', { exact: true }).inputValue();
    expect(url).toMatch(new RegExp(`^${e.baseUrl}/invite#token=vi_\\S+$`));
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.getByText(/^(Copied\.|Selected: press Ctrl\+C)/).waitFor();
    await page.getByRole('cell', { name: 'new.tutor@example.org', exact: true }).waitFor();
    await page.getByRole('cell', { name: 'pending', exact: true }).waitFor();

    // A fresh browser, never signed in, opens the link.
    const fresh = await e.open();
    await fresh.page.goto(url);
    await fresh.page.getByRole('heading', { name: 'Your invite' }).waitFor();
    await fresh.page.getByText('For: new.tutor@example.org').waitFor();
    await fresh.page.getByLabel('Your name').fill('New Tutor');
    await fresh.page.getByLabel('Password', { exact: true }).fill('my-own-long-password');
    await fresh.page.getByLabel('Confirm password').fill('my-own-long-password');
    await fresh.page.getByRole('button', { name: 'Join and start' }).click();
    await fresh.page.getByRole('heading', { name: 'My work' }).waitFor();
    expect(new URL(fresh.page.url()).pathname).toBe('/my-work');
    await fresh.page
      .getByRole('link', { name: /Algebra proofs/ })
      .first()
      .waitFor();
    await fresh.page.getByRole('button', { name: 'Sign out' }).waitFor();

    // The same link in yet another browser is refused, by its own sentence.
    const again = await e.open();
    await again.page.goto(url);
    await again.page.getByText('This invite link was used already.').waitFor();
    // And the admin's list shows it used.
    await page.reload();
    await page.getByRole('cell', { name: 'used', exact: true }).waitFor();
  });
});
