import { chromium } from 'playwright-core';
import { CHROMIUM } from '../e2e/chromium.ts';
import { measureOpenVideo } from '../bench/browser/open-video.ts';
const seconds = Number(process.argv[2] ?? 60);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
try {
  console.log(JSON.stringify(await measureOpenVideo(browser, { seconds, runs: seconds > 60 ? 5 : 1, seeks: seconds > 60 ? 40 : 5 })));
} finally { await browser.close(); }
