import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../server/main.ts';
import { freshStoreConfig } from '../server/testing/harness.ts';
import { checkPage } from './axe.ts';
import { launchChromium } from './harness.ts';

// `verity start`'s own entry on a fresh data folder: the banner it prints is what a newcomer sees.
let server: RunningServer;
let banner = '';
let browser: Browser;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  browser = await launchChromium();
  const fresh = await freshStoreConfig();
  cleanup = fresh.cleanup;
  server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: fresh.config.dataDir,
    secret: fresh.config.secret,
    logLevel: 'silent',
    announce: (text) => {
      banner += text;
    },
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await cleanup?.();
});

describe('first run', () => {
  it('prints a one-time link that makes the first admin, by keyboard, and lands them signed in on the console', async () => {
    const link = /^ {2}(http:\/\/\S+\/setup#token=\S+)$/m.exec(banner)?.[1];
    expect(link, banner).toBeDefined();
    expect(link!.startsWith(`${server.url}/setup#token=vsetup_`)).toBe(true);

    // Without the link, the sign-in page says where to find it instead of offering a form; both
    // screens pass axe in both themes.
    for (const theme of ['dark', 'light'] as const) {
      const context = await browser.newContext({ colorScheme: theme });
      const page = await context.newPage();
      await page.goto(`${server.url}/`);
      await page.getByRole('heading', { name: 'Finish setting up Verity' }).waitFor();
      expect(await page.getByText('one-time setup link').count()).toBe(1);
      expect(await page.getByLabel('Password').count()).toBe(0);
      expect(await checkPage(page, { page: 'sign in, setup needed', theme })).toEqual([]);
      await page.goto(link!);
      await page.getByRole('heading', { name: 'Set up Verity' }).waitFor();
      expect(await checkPage(page, { page: 'setup', theme })).toEqual([]);
      await context.close();
    }

    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(link!);
    await page.getByRole('heading', { name: 'Set up Verity' }).waitFor();
    // Keyboard only: Tab from the top of the page into each field in turn, Enter to send.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('email');
    await page.keyboard.type('grace@example.org');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Grace Hopper');
    await page.keyboard.press('Tab');
    await page.keyboard.type('a-long-first-password');
    await page.keyboard.press('Tab');
    await page.keyboard.type('a-different-password');
    await page.keyboard.press('Enter');
    // The mismatch is told beside the field, tied to it, and the field has the focus.
    const confirm = page.getByLabel('Confirm password');
    await page.getByText('This does not match the new password.').waitFor();
    expect(await confirm.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await confirm.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toContain('does not match');
    expect(await confirm.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('a-long-first-password');
    await page.keyboard.press('Enter');

    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(page.url()).not.toContain('token');
    expect(await page.getByText('Grace Hopper').count()).toBeGreaterThan(0);
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).json());
    expect(me.user).toMatchObject({ email: 'grace@example.org', role: 'admin' });

    // The link works once: opened again, it says setup is done and sends to sign-in.
    const other = await browser.newContext();
    const again = await other.newPage();
    await again.goto(link!);
    await again.getByRole('heading', { name: 'Verity is set up' }).waitFor();
    await again.getByRole('link', { name: 'Go to sign-in' }).click();
    await again.getByRole('heading', { name: 'Sign in to Verity' }).waitFor();
    await other.close();
    await context.close();
  });
});
