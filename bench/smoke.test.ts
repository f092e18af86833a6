import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chromiumPresent } from '../e2e/chromium.ts';
import { testPgUrl, testStore } from '../server/testing/harness.ts';
import { FIGURE_LINE } from './report.ts';
import { VERDICT_LINE } from './targets.ts';

const repoRoot = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** Runs `npm run bench -- <args>` the way CI does and collects stdout. */
function bench(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'bench/run.ts'), ...args], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

// The store of this test pass (VERITY_TEST_STORE): SQLite, or PostgreSQL on the test server.
const store = testStore();
// The browser part: on SQLite only (on PostgreSQL it would print a skip comment), and left out
// when Chromium is missing outside CI (under CI chromiumPresent fails this file instead).
const withBrowser = store === 'sqlite' && chromiumPresent();

describe('bench --smoke', () => {
  it(`prints every ${store} figure as a well-formed line, a verdict after each ratio to its floor, and hands out no item twice`, async () => {
    const parts =
      store === 'postgres'
        ? ['--only', 'import,next,export,stats,metrics,dashboards,search,jobs,generation']
        : // Every part but consensus, which reads the public crowd datasets beside the repository
          // (absent on a fresh clone); its method is tested on the server tier.
          withBrowser
          ? ['--only', 'import,next,soak,export,stats,metrics,dashboards,search,jobs,generation,browser']
          : ['--only', 'import,next,soak,export,stats,metrics,dashboards,search,jobs,generation'];
    const run = await bench(['--smoke', '--stores', store, '--pg-url', testPgUrl(), ...parts]);
    expect(run.code, run.stderr).toBe(0);
    const all = run.stdout.trim().split('\n');
    // Comment lines: a verdict after each figure that has a target, nothing else in this run.
    const verdicts = all.filter((line) => line.startsWith('#'));
    const lines = all.filter((line) => !line.startsWith('#'));
    for (const line of verdicts) expect(line).toMatch(VERDICT_LINE);
    for (const line of lines) expect(line).toMatch(FIGURE_LINE);
    const figures = new Map(
      lines.map((line) => {
        const [, name, value, unit] = line.split(' ');
        return [name!, { value: Number(value), unit: unit! }];
      }),
    );
    const browser = [
      'submit_to_next.p50',
      'submit_to_next.p95',
      'open_50k_2000spans',
      'align_50k_2000spans',
      'paint_50k_2000spans',
      'pairwise_next.p50',
      'pairwise_next.p95',
      'open_chat_20turns',
      'chat_scroll_frame.p95',
      'chat_scroll_frame.max',
      'annotate_js_gzip',
      'audio_10min.open_ms',
      'audio_10min.heap_mb',
      'audio_10min.heap_scrolled_mb',
      'audio_10min.tiles',
      'audio_10min.seek_drawn.p50',
      'audio_10min.seek_drawn.p95',
      'audio_10min.seek_seeked.p50',
      'audio_10min.seek_seeked.p95',
      'video_1min.generate_ms',
      'video_1min.open_ms',
      'video_1min.heap_mb',
      'video_1min.seek_p50_ms',
      'video_1min.seek_p95_ms',
    ];
    expect([...figures.keys()]).toEqual([
      ...[
        'import.items_per_s',
        'import.peak_rss',
        'import.server_cpu',
        'import.floor_items_per_s',
        'import.ratio_to_floor',
        'next.p50',
        'next.p99',
        'next.floor_p99_ms',
        'next.p99_ratio_to_floor',
        'submit.p50',
        'submit.p99',
        'next.rate',
        'next.saturated_rounds_per_s',
        'next.server_cpu',
        'next.solo_p50',
        'next.solo_p99',
        'next.solo_late_p50',
        'next.errors',
        'next.double_assignments',
        // The same again with routing by skill on (bench/next-routed.ts), and each against off.
        ...[
          'p50',
          'p99',
          'floor_p99_ms',
          'p99_ratio_to_floor',
          'SUBMIT.p50',
          'SUBMIT.p99',
          'rate',
          'saturated_rounds_per_s',
          'server_cpu',
          'solo_p50',
          'solo_p99',
          'solo_late_p50',
          'errors',
          'double_assignments',
          'p50_ratio_to_off',
          'p99_ratio_to_off',
          'solo_p50_ratio_to_off',
          'solo_late_p50_ratio_to_off',
          'server_cpu_ratio_to_off',
          'saturated_ratio_to_off',
        ].map((f) => (f.startsWith('SUBMIT.') ? `submit_routed.${f.slice(7)}` : `next_routed.${f}`)),
        ...(store === 'sqlite'
          ? [
              'soak.wal_peak',
              'soak.wal_end',
              'soak.db_size',
              'soak.rounds_per_s',
              'soak.next_p50',
              'soak.next_p99',
              'soak.errors',
            ]
          : []),
        'export.items_per_s',
        'export.peak_rss',
        'export.server_cpu',
        'export.floor_items_per_s',
        'export.ratio_to_floor',
        'export.preference',
        'export.preference_peak_rss',
        'export.preference_server_cpu',
        'stats.cold_ms',
        'stats.ms',
        'metrics.answers',
        'metrics.ms',
        'dashboards.answers',
        'dashboards.ms',
        'search.q_p50',
        'search.q_p95',
        'search.q_status_p50',
        'search.q_status_p95',
        'search.q_priority_p50',
        'search.q_priority_p95',
        ...(store === 'postgres' ? ['jobs.one_process_steps_per_s'] : []),
        'jobs.steps_per_s',
        'jobs.server_cpu_per_step',
        'generation.completions_per_s',
        'generation.endpoint_floor',
        'generation.ratio_to_floor',
        'generation.progress_p99',
        'generation.progress_max',
      ].map((name) => name.replace('.', `.${store}.`)),
      ...(withBrowser ? browser.map((name) => `browser.${name}`) : []),
    ]);
    expect(figures.get(`next.${store}.double_assignments`)).toEqual({ value: 0, unit: 'count' });
    expect(figures.get(`next.${store}.errors`)).toEqual({ value: 0, unit: 'count' });
    if (store === 'sqlite') expect(figures.get('soak.sqlite.errors')).toEqual({ value: 0, unit: 'count' });
    for (const { value } of figures.values()) expect(Number.isFinite(value)).toBe(true);
    // Each floor and the ratio to it: positive numbers. How large they are is the machine's business.
    const floors = [
      ['import', 'floor_items_per_s', 'items/s', 'ratio_to_floor', '>= 0.8'],
      ['next', 'floor_p99_ms', 'ms', 'p99_ratio_to_floor', '<= 3'],
      ['export', 'floor_items_per_s', 'items/s', 'ratio_to_floor', '>= 0.8'],
    ] as const;
    for (const [part, floor, unit, ratio, target] of floors) {
      expect(figures.get(`${part}.${store}.${floor}`)?.unit).toBe(unit);
      expect(figures.get(`${part}.${store}.${floor}`)?.value).toBeGreaterThan(0);
      const name = `${part}.${store}.${ratio}`;
      const { value, unit: ratioUnit } = figures.get(name)!;
      expect(ratioUnit).toBe('ratio');
      expect(value).toBeGreaterThan(0);
      // The verdict follows its figure and says whether the printed ratio meets the target.
      const printed = all[all.findIndex((line) => line.startsWith(`bench ${name} `)) + 1];
      const met = target.startsWith('>=')
        ? value >= Number(target.slice(3))
        : value <= Number(target.slice(3));
      expect(printed).toBe(`# target ${name} ${value} ${target} ${met ? 'met' : 'missed'}`);
    }
    // The preference export's target is absolute, on SQLite only; at the smoke's size it may miss.
    expect(figures.get(`export.${store}.preference`)?.unit).toBe('pairs/s');
    const preference = all.find((line) => line.startsWith('# target export.sqlite.preference '));
    expect(preference !== undefined).toBe(store === 'sqlite');
    // The jobs' target is absolute too (steps per second), on both stores, and generation's two
    // (completions per second, progress reaching a poll).
    expect(figures.get(`jobs.${store}.steps_per_s`)?.unit).toBe('steps/s');
    expect(all.some((line) => line.startsWith(`# target jobs.${store}.steps_per_s `))).toBe(true);
    // The agreement report's target is absolute (milliseconds at 1,000,000 answers), on both stores.
    expect(figures.get(`metrics.${store}.answers`)?.unit).toBe('count');
    expect(all.some((line) => line.startsWith(`# target metrics.${store}.ms `))).toBe(true);
    expect(figures.get(`next_routed.${store}.double_assignments`)).toEqual({ value: 0, unit: 'count' });
    // Routing's two targets (issue 14: within 20 % of routing off) each print a verdict.
    for (const ratio of ['p50_ratio_to_off', 'server_cpu_ratio_to_off'])
      expect(all.some((line) => line.startsWith(`# target next_routed.${store}.${ratio} `))).toBe(true);
    expect(verdicts).toHaveLength(floors.length + (store === 'sqlite' ? 1 : 0) + 1 + 2 + 1 + 2);
  }, 180_000);
});
