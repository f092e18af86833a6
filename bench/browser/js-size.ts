import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { signIn } from '../../e2e/harness.ts';
import type { BrowserBenchServer } from './server.ts';

/**
 * Bytes of JavaScript the annotation view loads, each script response's body gzipped with
 * node:zlib (default level) and summed: what a first visit costs on a slow link. The HTTP cache
 * is off so every script is fetched.
 */
export async function measureAnnotateJs(server: BrowserBenchServer, browser: Browser): Promise<number> {
  const manager = await server.user('manager', 'Bench Manager');
  const annotator = await server.user('annotator', 'Bench Annotator');
  const iface = {
    fields: [{ name: 'text', type: 'text', format: 'markdown' }],
    questions: [
      { name: 'entities', type: 'spans', field: 'text', labels: ['A', 'B'] },
      { name: 'label', type: 'choice', options: ['yes', 'no'] },
    ],
  };
  const projectId = await server.project(
    manager,
    iface,
    [annotator],
    [{ data: { text: 'One item: $x^2$ and `code`.' } }],
  );
  const context = await browser.newContext({ baseURL: server.baseUrl });
  try {
    const page = await context.newPage();
    await signIn(page, annotator);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const bodies = new Map<string, Promise<Buffer>>();
    page.on('response', (res) => {
      const js = /javascript/.test(res.headers()['content-type'] ?? '');
      if ((res.request().resourceType() === 'script' || js) && !bodies.has(res.url()))
        bodies.set(res.url(), res.body());
    });
    await page.goto(`/projects/${projectId}/annotate`);
    await page.getByTestId('span-text').waitFor();
    await page.waitForLoadState('networkidle');
    let gzipped = 0;
    for (const body of bodies.values()) gzipped += gzipSync(await body).length;
    if (bodies.size === 0) throw new Error('the annotation view loaded no script');
    return gzipped;
  } finally {
    await context.close();
  }
}
