import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, startE2E } from './harness.ts';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

describe('signing in', () => {
  it('signs in with the labelled Email and Password fields and out again', async () => {
    const ada = await e.user('admin', 'Ada Lovelace');
    const { page } = await e.open(ada);
    expect(await page.getByText('Ada Lovelace').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Email').waitFor();
    expect(await page.getByRole('button', { name: 'Sign in' }).isVisible()).toBe(true);
  });

  it('shows a wrong password as a sentence, not a code', async () => {
    const bob = await e.user('annotator');
    const { page } = await e.open();
    await page.goto('/');
    await page.getByLabel('Email').fill(bob.email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('The email or password is wrong');
  });

  it('serves every page with an enforcing CSP and no inline script', async () => {
    const { page } = await e.open();
    const res = await page.goto('/projects/1');
    const csp = res?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(res?.headers()['x-content-type-options']).toBe('nosniff');
    const inline = await page.locator('script:not([src])').count();
    expect(inline).toBe(0);
  });
});
