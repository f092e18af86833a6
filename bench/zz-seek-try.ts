import { chromium } from 'playwright-core';
import { CHROMIUM } from '/work/wt-aud/e2e/chromium.ts';
import { measureOpenAudio } from '/work/wt-aud/bench/browser/open-audio.ts';
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const r = await measureOpenAudio(browser, { seconds: Number(process.argv[2] ?? 600), runs: 1, seeks: 12 });
console.log(JSON.stringify(r));
await browser.close();
process.exit(0);
