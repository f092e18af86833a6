import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, startE2E } from './harness.ts';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

describe('profile', () => {
  it('changes the password twice in a row: the page takes up the CSRF token the server rotates', async () => {
    const user = await e.user('annotator');
    const { page } = await e.open(user);
    await page.goto('/profile');
    const change = async (from: string, to: string) => {
      await page.getByLabel('Current password').fill(from);
      await page.getByLabel('New password', { exact: true }).fill(to);
      await page.getByLabel('Confirm new password').fill(to);
      await page.getByRole('button', { name: 'Change password' }).click();
      // The form empties on success; an error shows as an alert.
      await page.waitForFunction(
        () =>
          document.querySelector('[role=alert]') !== null ||
          (document.querySelector('input[autocomplete=current-password]') as HTMLInputElement).value === '',
      );
      expect(await page.getByRole('alert').count()).toBe(0);
    };
    await change(user.password, 'a-second-long-password');
    await change('a-second-long-password', 'a-third-long-password');
    await page.getByText('Your password is changed.').waitFor();
    const signIn = await e.api.call(null, 'POST', '/api/auth/login', {
      email: user.email,
      password: 'a-third-long-password',
    });
    expect(signIn.status).toBe(200);
  });

  it('signs out everywhere after a confirmation: every session ends and every token is revoked', async () => {
    const user = await e.user('annotator');
    const { page } = await e.open(user);
    const other = await e.open(user);
    await page.goto('/profile');
    await page.getByRole('button', { name: 'Sign out everywhere…' }).click();
    const confirm = page.getByRole('button', { name: 'Yes, sign out everywhere and revoke my tokens' });
    expect(await confirm.evaluate((el) => el === document.activeElement)).toBe(true);
    // Cancel first: nothing happens, the focus returns.
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Sign out everywhere…' }).click();
    await confirm.click();
    await page.getByLabel('Email').waitFor();
    await other.page.reload();
    await other.page.getByLabel('Email').waitFor();
    expect((await e.api.call(user, 'GET', '/api/auth/me')).status).toBe(401);
  });
});
