import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, projectWithItems, startE2E } from './harness.ts';

/** Payloads that would run script, leak a request or break out of their element if rendered raw. */
const PAYLOADS = [
  '<script>window.__pwned=1;alert(1)</script>',
  '<img src=x onerror="window.__pwned=2;alert(2)">',
  '[click me](javascript:window.__pwned=3)',
  '<a href="javascript:alert(4)">link</a>',
  '<svg onload="window.__pwned=5"><script>alert(5)</script></svg>',
  '<iframe src="https://evil.example/frame"></iframe>',
  '![remote](https://evil.example/pixel.png)',
  '<form action="https://evil.example/steal"><button>go</button></form>',
  '<style>body{background:url(https://evil.example/css.png)}</style>',
  '$\\href{javascript:alert(6)}{x}$ and $$\\htmlData{x=1}{y}$$',
  '```html\n<script>alert(7)</script>\n```',
  '"><img src=x onerror=alert(8)>',
];
const HOSTILE = PAYLOADS.join('\n\n');

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

async function watch(page: Page): Promise<{ dialogs: string[] }> {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return { dialogs };
}

async function expectInert(page: Page, dialogs: string[], foreign: string[]): Promise<void> {
  await page.waitForTimeout(300);
  expect(dialogs).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null)).toBeNull();
  expect(foreign).toEqual([]);
  expect(await page.locator('iframe, form[action^="https://evil"], script:not([src])').count()).toBe(0);
  const hrefs = await page
    .locator('a[href]')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  expect(hrefs.filter((h) => h.trim().toLowerCase().startsWith('javascript:'))).toEqual([]);
}

describe('hostile content renders inert', () => {
  it('in item text, option labels, project names, user names and guidelines, on every screen', async () => {
    const admin = await e.user('admin', `Admin ${PAYLOADS[1]}`);
    const annotator = await e.user('annotator', `Ann ${PAYLOADS[0]}`);
    const { id } = await projectWithItems(
      e,
      admin,
      {
        name: `Project ${PAYLOADS[1]} ${PAYLOADS[0]}`,
        guidelines: HOSTILE,
        interface: {
          fields: [
            { name: 'text', type: 'text', format: 'markdown' },
            { name: 'raw', type: 'text' },
          ],
          questions: [
            {
              name: 'pick',
              type: 'choice',
              options: [PAYLOADS[0], PAYLOADS[1], PAYLOADS[2]],
              label: PAYLOADS[4],
            },
            { name: 'spans', type: 'spans', field: 'raw', labels: [PAYLOADS[1]!, 'OK'] },
            { name: 'note', type: 'text', description: PAYLOADS[3] },
          ],
        },
      },
      [{ data: { text: HOSTILE, raw: HOSTILE }, meta: { note: PAYLOADS[1] } }],
      annotator,
    );

    const a = await e.open(annotator);
    const wa = await watch(a.page);
    await a.page.goto(`/projects/${id}/annotate`);
    await a.page.getByRole('button', { name: 'Submit' }).waitFor();
    await expectInert(a.page, wa.dialogs, a.foreign);
    // The payload is shown as text, not swallowed: the reader can see what the item says.
    expect(await a.page.locator('main, body').first().textContent()).toContain('onerror');
    await a.page.keyboard.press('1');
    await a.page.getByRole('button', { name: 'Submit' }).click();

    const m = await e.open(admin);
    const wm = await watch(m.page);
    for (const url of [
      '/',
      `/projects/${id}`,
      `/projects/${id}/items`,
      `/projects/${id}/members`,
      '/users',
    ]) {
      await m.page.goto(url);
      await m.page.getByRole('heading').first().waitFor();
      await expectInert(m.page, wm.dialogs, m.foreign);
    }
    const items = await e.api.call(admin, 'GET', `/api/projects/${id}/items`);
    await m.page.goto(`/items/${items.body.items[0].id}`);
    await m.page.getByRole('heading').first().waitFor();
    await expectInert(m.page, wm.dialogs, m.foreign);
  });
});
