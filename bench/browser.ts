/**
 * Figures measured in headless Chromium against the product on its embedded SQLite store:
 * submit → next item, opening a long item with many spans, aligning and painting the rendered
 * pane of a long Markdown item, a pairwise submit → next pair of two long answers, opening and
 * scrolling a long conversation, the JavaScript the annotation view costs, and the waveform
 * player of a 3-hour recording (open time, JS heap, seeking latency), and the video player of a
 * 10-minute video (open time, JS heap, seek latency). `runBrowserBench`
 * is called by bench/run.ts; see docs/benchmarks.md.
 */
import { chromium } from 'playwright-core';
import { CHROMIUM } from '../e2e/chromium.ts';
import { measureAlignLong } from './browser/align-long.ts';
import { measureAnnotateJs } from './browser/js-size.ts';
import { measureOpenAudio } from './browser/open-audio.ts';
import { measureOpenChat } from './browser/open-chat.ts';
import { measureOpenLong } from './browser/open-long.ts';
import { measureOpenVideo } from './browser/open-video.ts';
import { measurePairwiseNext } from './browser/pairwise-next.ts';
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
    ? { submits: 5, warmup: 1, chars: 5_000, spans: 200, opens: 1, words: 400, pairs: 5, turns: 20 }
    : { submits: 60, warmup: 3, chars: 50_000, spans: 2_000, opens: 5, words: 4_000, pairs: 40, turns: 200 };
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
      const pairs = await measurePairwiseNext(server, browser, {
        count: sizes.pairs,
        warmup: sizes.warmup,
        words: sizes.words,
      });
      const sortedPairs = [...pairs].sort((a, b) => a - b);
      opts.print('browser.pairwise_next.p50', percentile(sortedPairs, 50), 'ms');
      opts.print('browser.pairwise_next.p95', percentile(sortedPairs, 95), 'ms');
      const chat = await measureOpenChat(server, browser, {
        turns: sizes.turns,
        chars: sizes.turns * 500,
        runs: sizes.opens,
      });
      opts.print(`browser.open_chat_${sizes.turns}turns`, chat.openMs, 'ms');
      opts.print('browser.chat_scroll_frame.p95', chat.frameP95Ms, 'ms');
      opts.print('browser.chat_scroll_frame.max', chat.frameMaxMs, 'ms');
      const js = await measureAnnotateJs(server, browser);
      opts.print('browser.annotate_js_gzip', js / 1000, 'kB');
      const audio = await measureOpenAudio(browser, {
        seconds: opts.smoke ? 600 : 10_800,
        runs: sizes.opens,
        seeks: opts.smoke ? 6 : 30,
      });
      const len = opts.smoke ? '10min' : '3h';
      opts.print(`browser.audio_${len}.open_ms`, audio.openMs, 'ms');
      opts.print(`browser.audio_${len}.heap_mb`, audio.heapMb, 'MB');
      opts.print(`browser.audio_${len}.heap_scrolled_mb`, audio.heapScrolledMb, 'MB');
      opts.print(`browser.audio_${len}.tiles`, audio.tiles, 'count');
      const drawn = [...audio.seeks.drawnMs].sort((a, b) => a - b);
      const seeked = [...audio.seeks.seekedMs].sort((a, b) => a - b);
      opts.print(`browser.audio_${len}.seek_drawn.p50`, percentile(drawn, 50), 'ms');
      opts.print(`browser.audio_${len}.seek_drawn.p95`, percentile(drawn, 95), 'ms');
      opts.print(`browser.audio_${len}.seek_seeked.p50`, percentile(seeked, 50), 'ms');
      opts.print(`browser.audio_${len}.seek_seeked.p95`, percentile(seeked, 95), 'ms');
      // The smoke run's video is one minute: ffmpeg makes ten in about 15 s, too long for every CI run.
      const video = await measureOpenVideo(browser, {
        seconds: opts.smoke ? 60 : 600,
        runs: sizes.opens,
        seeks: opts.smoke ? 5 : 40,
      });
      const vlen = opts.smoke ? '1min' : '10min';
      opts.print(`browser.video_${vlen}.generate_ms`, video.generateMs, 'ms');
      opts.print(`browser.video_${vlen}.open_ms`, video.openMs, 'ms');
      opts.print(`browser.video_${vlen}.heap_mb`, video.heapMb, 'MB');
      opts.print(`browser.video_${vlen}.seek_p50_ms`, video.seekP50Ms, 'ms');
      opts.print(`browser.video_${vlen}.seek_p95_ms`, video.seekP95Ms, 'ms');
    } finally {
      await browser.close();
    }
  } finally {
    await server.close();
  }
}
