import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM } from '../../../e2e/chromium.ts';

/**
 * The rendering pipeline (rich-text.ts) bundled with Vite and loaded into a page of real Chromium
 * via playwright-core (both already dependencies): DOMPurify needs a real DOM, and timings only
 * mean something in the browser. For tests and for measuring the limits; not part of the app.
 */

/** What the page exposes as `window.Render` (rich-text.ts). */
export type RenderApi = typeof import('./rich-text.ts');

/** The app's own style sheets that shape rich text, so layout is timed as the app lays it out. */
const APP_CSS = ['../ui/styles.css', '../editors/editors.css', './render.css'];

/** `entry` (beside this file) and everything it loads as one script exposing `name`, and its CSS. */
async function bundle(entry: string, name: string): Promise<{ code: string; css: string }> {
  const { build } = await import('vite');
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    mode: 'production',
    oxc: { jsx: { runtime: 'automatic', development: false } },
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      write: false,
      minify: false,
      assetsInlineLimit: 100_000_000,
      lib: { entry: fileURLToPath(new URL(entry, import.meta.url)), formats: ['iife'], name },
    },
  });
  const result = Array.isArray(out) ? out[0] : out;
  const output = (result as { output: { type: string; code?: string; source?: unknown }[] }).output;
  const code = output.find((o) => o.type === 'chunk')?.code ?? '';
  const built = output.filter((o) => o.type === 'asset' && typeof o.source === 'string').map((o) => o.source);
  const app = APP_CSS.map((f) => fs.readFileSync(fileURLToPath(new URL(f, import.meta.url)), 'utf8'));
  return { code, css: [...built, ...app].join('\n') };
}

/**
 * A page at https://verity.test/ with an empty `#out` and `entry` loaded as `window[name]`: by
 * default the pipeline, as `window.Render`.
 */
export async function openRenderPage(
  entry = './rich-text.ts',
  name = 'Render',
): Promise<{ browser: Browser; page: Page }> {
  const [{ chromium }, { code, css }] = await Promise.all([import('playwright-core'), bundle(entry, name)]);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  const page = await browser.newPage();
  await page.route('https://verity.test/**', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><main style="max-width:48rem"><div id="out" class="rich-text item-text"></div></main>',
    }),
  );
  await page.goto('https://verity.test/');
  await page.addStyleTag({ content: css });
  await page.addScriptTag({ content: code });
  return { browser, page };
}

/** One text through the whole pipeline into the page, as RichText does, timed. */
export interface Timed {
  /** Milliseconds to format and sanitise (renderRichText). */
  formatMs: number;
  /** Milliseconds to put the result in the page and lay it out. */
  layoutMs: number;
  /** Whether it came out formatted (false: shown as typed, with `reason`). */
  formatted: boolean;
  reason?: string;
}

/** Renders `src` in `page` once its renderers are loaded (cache bypassed), and times each part. */
export function timeRender(page: Page, src: string): Promise<Timed> {
  return page.evaluate(async (s) => {
    const r = (window as unknown as { Render: RenderApi }).Render;
    const out = document.getElementById('out')!;
    out.textContent = '';
    await r.prepareRichText(s);
    // A fresh string each time, so the cache (keyed by text) never answers.
    const fresh = ` ${s}`.slice(1);
    r.forgetRendered();
    const t0 = performance.now();
    const result = r.renderRichText(fresh);
    const t1 = performance.now();
    if ('html' in result) out.innerHTML = result.html;
    else out.textContent = fresh;
    out.getBoundingClientRect();
    document.body.offsetHeight;
    const t2 = performance.now();
    return {
      formatMs: t1 - t0,
      layoutMs: t2 - t1,
      formatted: 'html' in result,
      reason: 'html' in result ? undefined : result.unformatted.reason,
    };
  }, src);
}

/**
 * The longest prefix of `src` that is still formatted (not shown as typed), by bisection: the
 * worst case of a kind of text right at the limits.
 */
export async function longestFormatted(page: Page, src: string): Promise<string> {
  const formatted = (s: string) =>
    page.evaluate(async (t) => {
      const r = (window as unknown as { Render: RenderApi }).Render;
      await r.prepareRichText(t);
      return 'html' in r.renderRichText(t);
    }, s);
  if (await formatted(src)) return src;
  let lo = 0;
  let hi = src.length;
  while (hi - lo > Math.max(16, src.length / 2000)) {
    const mid = Math.floor((lo + hi) / 2);
    if (await formatted(src.slice(0, mid))) lo = mid;
    else hi = mid;
  }
  return src.slice(0, lo);
}
