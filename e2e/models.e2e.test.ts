import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenAiServer, startOpenAiServer } from '../server/testing/openai-server.ts';
import { assertNowhere } from '../server/testing/secret-search.ts';
import { checkPage, describeFindings } from './axe.ts';
import { type E2E, startE2E } from './harness.ts';

const KEY = `sk-browser-${randomBytes(10).toString('hex')}`;
let e: E2E;
let ai: OpenAiServer;
beforeAll(async () => {
  e = await startE2E();
  ai = await startOpenAiServer({ apiKey: KEY, models: ['tiny-1'] });
});
afterAll(async () => {
  await e?.close();
  await ai?.close();
});

describe('the Models page', () => {
  it('adds a connection to the loopback server, tests it, replaces its key, and removes it; the key never reaches the page', async () => {
    const admin = await e.user('admin');
    const { page } = await e.open(admin);
    const seen: { where: string; text: string }[] = [];
    page.on('response', async (res) => {
      if (!res.url().includes('/api/')) return;
      seen.push({ where: `${res.request().method()} ${res.url()}`, text: await res.text().catch(() => '') });
    });
    const snapshot = async (where: string) => seen.push({ where, text: await page.content() });

    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Models' }).click();
    await page.getByRole('heading', { name: 'Add a model connection' }).waitFor();
    await page.getByText('No model connections yet.').waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Loopback');
    await page.getByLabel('Base URL', { exact: true }).fill(ai.baseURL);
    await page.getByLabel('Model', { exact: true }).fill('tiny-1');
    await page.getByLabel('API key', { exact: true }).fill(KEY);
    await page.getByLabel('Allow a private network address', { exact: true }).check();
    await page.getByText('Default parameters').click();
    await page.getByLabel('Temperature', { exact: true }).fill('0.4');
    await page.getByRole('button', { name: 'Add connection' }).click();
    await page.getByText(/^Added .*Loopback.*\.$/).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Loopback' });
    await row.getByRole('cell', { name: 'Set', exact: true }).waitFor();
    expect(await page.getByLabel('API key', { exact: true }).inputValue()).toBe('');
    await snapshot('the page after adding');

    await row.getByRole('button', { name: /^Test/ }).click();
    await row.getByText(/^It works: tiny-1 answered in \d+ ms\.$/).waitFor();
    expect(ai.requests.at(-1)!.body.temperature).toBe(0.4);
    const findings = await checkPage(page, { page: 'models, tested', theme: 'light' });
    expect(findings, describeFindings(findings)).toEqual([]);

    // A wrong key: the test says so as a sentence, with what to do.
    await row.getByRole('button', { name: /^Edit/ }).click();
    await page.getByRole('radio', { name: 'Replace the key' }).check();
    await page.getByLabel('New API key', { exact: true }).fill('sk-not-the-right-one');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText(/^Saved .*Loopback.*\.$/).waitFor();
    await row.getByRole('button', { name: /^Test/ }).click();
    await row
      .getByText(
        /The test failed: .*the endpoint refused the API key \(HTTP 401\)\. Check the API key, or replace it\./,
      )
      .waitFor();
    await snapshot('the page after a failed test');

    // Bad input names its field.
    await page.getByLabel('Name', { exact: true }).fill('Broken');
    await page.getByLabel('Base URL', { exact: true }).fill('ftp://example.org');
    await page.getByLabel('Model', { exact: true }).fill('m');
    await page.getByRole('button', { name: 'Add connection' }).click();
    await page.getByText('must be an http or https URL').waitFor();
    expect(await page.getByLabel('Base URL', { exact: true }).getAttribute('aria-invalid')).toBe('true');

    await row.getByRole('button', { name: /^Remove/ }).click();
    await row.getByRole('button', { name: /^Yes, remove/ }).click();
    await page.getByText(/^Removed .*Loopback.*\.$/).waitFor();
    await page.getByText('No model connections yet.').waitFor();
    await snapshot('the page after removing');

    expect(seen.filter((s) => s.where.includes('/api/models')).length).toBeGreaterThan(5);
    assertNowhere(KEY, seen);
  });

  it('is not offered to a manager', async () => {
    const manager = await e.user('manager');
    const { page } = await e.open(manager);
    await page.goto('/');
    await page.getByRole('link', { name: 'Projects' }).waitFor();
    expect(
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Models' }).count(),
    ).toBe(0);
    await page.goto('/models');
    await page.getByText('Only admins manage model connections.').waitFor();
  });
});
