import os from 'node:os';
import { longestFormatted, openRenderPage, type Timed, timeRender } from './in-chromium.ts';
import { MAX_RICH_TEXT_CHARS } from './limits.ts';
import { WORST_CASES } from './worst-cases.ts';

/**
 * How long the worst cases (worst-cases.ts) take to render in Chromium: the longest prefix of each
 * that is still formatted (right at the limits), and the whole of it (often shown as typed: the
 * time to find that out). Best of `runs` each. With `--sweep`, also every text made by repeating
 * a short unit of Markdown's special characters up to the length limit (~2,300 texts), slowest
 * first. docs/web.md quotes these figures.
 *
 *   npx tsx web/src/render/measure-limits.ts [--runs 5] [--sweep] [name filter]
 */
const args = process.argv.slice(2);
const runs = Number(args.includes('--runs') ? args[args.indexOf('--runs') + 1] : 5);
const only = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--runs');
const { browser, page } = await openRenderPage();
console.log(
  `${os.cpus()[0]?.model} x${os.cpus().length}, Chromium ${await browser.version()}, load ${os.loadavg()[0]?.toFixed(1)}`,
);

async function best(src: string, n = runs): Promise<Timed> {
  let fastest: Timed | undefined;
  for (let i = 0; i < n; i++) {
    const t = await timeRender(page, src);
    if (!fastest || t.formatMs + t.layoutMs < fastest.formatMs + fastest.layoutMs) fastest = t;
  }
  return fastest!;
}
const total = (t: Timed) => t.formatMs + t.layoutMs;
const ms = (t: Timed) =>
  `${total(t).toFixed(0).padStart(4)} ms (${t.formatMs.toFixed(0)} + ${t.layoutMs.toFixed(0)})`;
const kb = (n: number) => `${(n / 1000).toFixed(1).padStart(6)} kB`;

for (const [name, src] of Object.entries(WORST_CASES)) {
  if (only && !name.includes(only)) continue;
  const atLimit = await longestFormatted(page, src);
  const whole = atLimit === src ? undefined : await best(src);
  console.log(
    [
      name.padEnd(42),
      `formatted ${kb(atLimit.length)} in ${ms(await best(atLimit))}`,
      whole ? `| whole ${kb(src.length)}: as typed (${whole.reason}) in ${ms(whole)}` : '',
    ].join('  '),
  );
}

if (args.includes('--sweep')) {
  const chars = [...'*_~$[]()!<>`\\a @.:/#|-\n&1="'];
  const units = [...chars, ...chars.flatMap((x) => chars.map((y) => x + y))];
  let seed = 7;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  for (let i = 0; i < 1_500; i++)
    units.push(
      Array.from(
        { length: 3 + Math.floor(random() * 4) },
        () => chars[Math.floor(random() * chars.length)],
      ).join(''),
    );
  const timed: [number, string, Timed][] = [];
  for (const unit of units) {
    const src = unit.repeat(Math.ceil(MAX_RICH_TEXT_CHARS / unit.length)).slice(0, MAX_RICH_TEXT_CHARS);
    const t = await best(src, 1);
    // A slow first run may be the machine: confirm it before reporting it.
    timed.push([total(t) > 50 ? total(await best(src, 3)) : total(t), unit, t]);
  }
  timed.sort((a, b) => b[0] - a[0]);
  console.log(`sweep: ${units.length} texts of ${MAX_RICH_TEXT_CHARS} characters; slowest:`);
  for (const [t, unit, r] of timed.slice(0, 10))
    console.log(
      `  ${JSON.stringify(unit).padEnd(12)} ${t.toFixed(0).padStart(4)} ms  ${r.formatted ? 'formatted' : `as typed (${r.reason})`}`,
    );
}
await browser.close();
