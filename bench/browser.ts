/**
 * Figures measured in headless Chromium against the product on its embedded SQLite store:
 * submit → next item, opening a long item with many spans, aligning and painting the rendered
 * pane of a long Markdown item, and the JavaScript the annotation view costs. `runBrowserBench`
 * is called by bench/run.ts; see docs/benchmarks.md.
 */
import { chromium } from 'playwright-core';
import { CHROMIUM } from '../e2e/chromium.ts';
import { measureAlignLong } from './browser/align-long.ts';
import { measureAnnotateJs } from './browser/js-size.ts';
import { measureOpenLong } from './browser/open-long.ts';
import { startBenchServer } from './browser/server.ts';
import { measureSubmitToNext } from './browser/submit-to-next.ts';
import { percentile, type Unit } from './report.ts';

export interface BrowserBenchOptions {
  smoke: boolean;
  print: (name: string, value: number, unit: Unit) => void;
}

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

export async function runBrowserBench(opts: BrowserBenchOptions): Promise<void> {
  const sizes = opts.smoke
    ? { submits: 5, warmup: 1, chars: 5_000, spans: 200, opens: 1 }
    : { submits: 60, warmup: 3, chars: 50_000, spans: 2_000, opens: 5 };
  const server = await startBenchServer();
  try {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    try {
      const times = await measureSubmitToNext(server, browser, sizes.submits, sizes.warmup);
      const sorted = [...times].sort((a, b) => a - b);
      opts.print('browser.submit_to_next.p50', percentile(sorted, 50), 'ms');
      opts.print('browser.submit_to_next.p95', percentile(sorted, 95), 'ms');
      const open = await measureOpenLong(server, browser, sizes.chars, sizes.spans, sizes.opens);
      opts.print('browser.open_50k_2000spans', open, 'ms');
      const md = await measureAlignLong(server, browser, sizes.chars, sizes.spans, sizes.opens);
      opts.print('browser.align_50k_2000spans', md.alignMs, 'ms');
      opts.print('browser.paint_50k_2000spans', md.paintMs, 'ms');
      const js = await measureAnnotateJs(server, browser);
      opts.print('browser.annotate_js_gzip', js / 1000, 'kB');
    } finally {
      await browser.close();
    }
  } finally {
    await server.close();
  }
}
