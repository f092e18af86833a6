import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleInterface } from '../server/testing/harness.ts';
import { closedPortUrl } from '../server/testing/loopback.ts';
import { type LoopbackProvider, startOidcProvider } from '../server/testing/oidc-provider.ts';
import { checkPage, describeFindings } from './axe.ts';
import { type E2E, startE2E } from './harness.ts';

/**
 * Single sign-on in Chromium against a real OpenID Connect provider on loopback. Verity is opened
 * at localhost and the provider is at 127.0.0.1: two sites, so the redirect back is a cross-site
 * navigation, as with a real provider (the flow cookie must be SameSite=Lax for it).
 */
let e: E2E;
let provider: LoopbackProvider;
let origin: string;

beforeAll(async () => {
  const { port } = await closedPortUrl();
  origin = `http://localhost:${port}`;
  provider = await startOidcProvider({ redirectUri: `${origin}/api/auth/sso/callback` });
  e = await startE2E(
    {
      publicOrigin: origin,
      sso: {
        issuer: new URL(provider.issuer),
        clientId: provider.clientId,
        clientSecret: provider.clientSecret,
        label: 'Acme ID',
        allowedDomains: ['acme.test'],
        jit: true,
        defaultRole: 'annotator',
        allowPrivateNetwork: true,
      },
    },
    { port },
  );
});
afterAll(async () => {
  await e?.close();
  await provider?.close();
});

/** A browser of its own: the provider is another origin, which e.open() would refuse to reach. */
async function browser(theme: 'light' | 'dark' = 'light') {
  const context = await e.browser.newContext({ baseURL: origin, colorScheme: theme });
  return { context, page: await context.newPage() };
}

describe('single sign-on in the browser', () => {
  it('a new tutor of an allowed domain signs in with the provider, gets an account, and lands in the project they were invited to', async () => {
    const admin = await e.user('admin');
    const project = await e.api.call(admin, 'POST', '/api/projects', {
      name: 'Cardiology answers',
      interface: sampleInterface,
    });
    const email = `new.tutor.${Date.now()}@acme.test`;
    await e.api.call(admin, 'POST', `/api/projects/${project.body.id}/invitations`, {
      email,
      role: 'annotator',
    });
    provider.add({ sub: 'tutor-1', email, emailVerified: true, name: 'New Tutor' });
    provider.signInAs('tutor-1');

    const { context, page } = await browser();
    await page.goto('/');
    await page.getByRole('heading', { name: 'Sign in to Verity' }).waitFor();
    await page.getByRole('link', { name: 'Sign in with Acme ID' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await page.getByRole('link', { name: 'Start annotating' }).waitFor();
    await page.getByText('Cardiology answers').first().waitFor();
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).json());
    expect(me.user).toMatchObject({ email, name: 'New Tutor', role: 'annotator' });
    await context.close();
  });

  it('an email outside the allowed domains comes back to the sign-in page with the reason (axe-clean in both themes)', async () => {
    provider.add({ sub: 'outsider-1', email: 'someone@elsewhere.test', emailVerified: true });
    for (const theme of ['light', 'dark'] as const) {
      provider.signInAs('outsider-1');
      const { context, page } = await browser(theme);
      await page.goto('/');
      await page.getByRole('link', { name: 'Sign in with Acme ID' }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toContain('not one of the domains allowed to sign in here');
      // The reason is read once: the address no longer carries it.
      expect(new URL(page.url()).search).toBe('');
      await page.getByLabel('Password').waitFor();
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      const found = await checkPage(page, { page: 'sign-in with single sign-on', theme, state: 'refused' });
      expect(describeFindings(found), 'axe-core violations').toBe('');
      await context.close();
    }
  });
});
