import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, signIn, startE2E } from './harness.ts';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

describe('password reset', () => {
  it('an admin makes a link; in another browser it sets a new password once, and the person signs in with it', async () => {
    const admin = await e.user('admin');
    const person = await e.user('annotator', 'Forgetful Person');
    const { context, page } = await e.open(admin);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/users');
    // Names in labels are isolated (U+2068 … U+2069; docs/data-model.md).
    await page.getByRole('button', { name: 'Reset password of \u2068Forgetful Person\u2069' }).click();
    await page.getByRole('heading', { name: /Password reset link for .*Forgetful Person/ }).waitFor();
    await page.getByText('It is shown only this once.').waitFor();
    const url = await page.getByLabel('Password reset link', { exact: true }).inputValue();
    expect(url).toMatch(new RegExp(`^${e.baseUrl}/reset-password#token=vr_\\S+$`));
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.getByText(/^(Copied\.|Selected: press Ctrl\+C)/).waitFor();
    await page.getByRole('button', { name: 'Done' }).click();
    expect(await page.getByLabel('Password reset link', { exact: true }).count()).toBe(0);

    // A fresh browser, never signed in, opens the link (a full load: the server serves the page).
    const fresh = await e.open();
    await fresh.page.goto(url);
    await fresh.page.getByRole('heading', { name: 'Set a new password' }).waitFor();
    await fresh.page.getByLabel('New password', { exact: true }).fill('my-new-long-password');
    await fresh.page.getByLabel('Confirm new password').fill('my-other-password');
    await fresh.page.getByRole('button', { name: 'Set password' }).click();
    await fresh.page.getByText('This does not match the new password.').waitFor();
    await fresh.page.getByLabel('Confirm new password').fill('my-new-long-password');
    await fresh.page.getByRole('button', { name: 'Set password' }).click();
    await fresh.page.getByRole('heading', { name: 'Your password is set' }).waitFor();
    await fresh.page.getByRole('link', { name: 'Go to sign-in' }).click();
    await signIn(fresh.page, { ...person, password: 'my-new-long-password' });
    const oldPassword = await e.api.call(null, 'POST', '/api/auth/login', {
      email: person.email,
      password: person.password,
    });
    expect(oldPassword.status).toBe(401);

    // The link works once: opened again, in yet another browser, it is refused.
    const again = await e.open();
    await again.page.goto(url);
    await again.page.getByLabel('New password', { exact: true }).fill('a-third-long-password');
    await again.page.getByLabel('Confirm new password').fill('a-third-long-password');
    await again.page.getByRole('button', { name: 'Set password' }).click();
    const alert = again.page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('This password-reset link does not work any more');
  });

  it('says so when the link has no token', async () => {
    const { page } = await e.open();
    await page.goto('/reset-password');
    await page.getByText('This link is incomplete: it has no token.').waitFor();
  });
});
