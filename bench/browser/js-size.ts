import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { signIn } from '../../e2e/harness.ts';
import type { BrowserBenchServer } from './server.ts';

/**
 * Bytes of JavaScript the annotation view loads, each script gzipped with node:zlib (default
 * level) and summed: what a first visit costs on a slow link. The HTTP cache is off so every
 * script is fetched. The scripts are the annotation document's own resource entries, fetched
 * again afterwards: a body read from a response event is lost when the page navigates first,
 * and the home page's late chunks would be counted too.
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
    await page.goto(`/projects/${projectId}/annotate`);
    await page.getByTestId('span-text').waitFor();
    await page.waitForLoadState('networkidle');
    // Scripts, stylesheets, fonts: everything but the app's own API calls (fetch).
    const urls = await page.evaluate(() => [
      ...new Set(
        (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
          .filter((e) => e.initiatorType !== 'fetch' && e.initiatorType !== 'xmlhttprequest')
          .map((e) => e.name),
      ),
    ]);
    let gzipped = 0;
    let scripts = 0;
    for (const url of urls) {
      const res = await context.request.get(url);
      if (!/javascript/.test(res.headers()['content-type'] ?? '')) continue;
      if (!res.ok()) throw new Error(`GET ${url}: ${res.status()}`);
      gzipped += gzipSync(await res.body()).length;
      scripts += 1;
    }
    if (scripts === 0) throw new Error('the annotation view loaded no script');
    return gzipped;
  } finally {
    await context.close();
  }
}
