import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { send, sendJson } from './client.ts';
import type { StoreRun } from './context.ts';
import { mulberry32 } from './datagen.ts';
import { percentile, progress } from './report.ts';
import { addAnnotators, createProject } from './setup.ts';
import { refreshStatistics } from './stores.ts';

/**
 * The item list's search (GET /api/projects/:id/items?q=…) on a project of `size` items of
 * realistic text: a vocabulary of 30,000 made-up words drawn by Zipf's law (as word frequencies
 * in text are), 20–80 words an item. Imported through the API (setup, not measured) into a
 * project of its own with three annotators (on PostgreSQL then vacuumed, as autovacuum soon
 * would), then searched with a fixed mix of queries a person would type (one word of common to
 * rare frequency, two words, a word being typed: a prefix), once unmeasured to warm the caches,
 * then one request at a time: `search.<store>.q_p95` for `q` alone, `search.<store>.q_status_p95`
 * with `status=waiting` as well, and `search.<store>.q_priority_p95` sorted by priority.
 */
export async function runSearch(run: StoreRun): Promise<void> {
  const size = run.options.size;
  const server = run.servers[0]!;
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'verity-bench-search-')), 'items.jsonl');
  try {
    progress(`${run.kind}: search: generating ${size} items of Zipf-distributed text`);
    await writeTextItems(file, size);
    const projectId = await createProject(server, run.admin);
    await addAnnotators(server, run.admin, projectId, await server.createUsers('annotator', 3, 'searcher'));
    progress(`${run.kind}: search: importing them (setup, not measured)`);
    const reply = await send({
      method: 'POST',
      url: `${server.url}/api/projects/${projectId}/items`,
      token: run.admin.token,
      stream: fs.createReadStream(file, { highWaterMark: 1 << 20 }),
      contentType: 'application/x-ndjson',
    });
    if (reply.status !== 201)
      throw new Error(`search import failed: ${reply.status} ${reply.text.slice(0, 300)}`);
    await refreshStatistics(run.store);
    // PostgreSQL: what autovacuum does within minutes of a bulk load (hint bits, the visibility
    // map, the GIN index's pending list), done now so the first queries do not pay for it.
    if (run.kind === 'postgres') await sql`vacuum analyze items`.execute(run.store.db);
    const queries = queryMix(150);
    // One pass unmeasured first: the figures are those of a server whose caches hold the
    // project, as a browsed one's do, not of the first reads from disk after the import.
    for (const q of queries) {
      const url = `${server.url}/api/projects/${projectId}/items?q=${encodeURIComponent(q)}&limit=50`;
      await sendJson({ method: 'GET', url, token: run.admin.token }, 200);
    }
    const variants: [string, string][] = [
      ['q', ''],
      ['q_status', '&status=waiting'],
      ['q_priority', '&sort=priority&order=desc'],
    ];
    for (const [name, extra] of variants) {
      const times: number[] = [];
      let found = 0;
      for (const q of queries) {
        const url = `${server.url}/api/projects/${projectId}/items?q=${encodeURIComponent(q)}&limit=50${extra}`;
        const started = performance.now();
        const page = await sendJson<{ items: unknown[] }>(
          { method: 'GET', url, token: run.admin.token },
          200,
        );
        times.push(performance.now() - started);
        found += page.items.length;
      }
      times.sort((a, b) => a - b);
      progress(`${run.kind}: search ${name}: ${found} items on ${queries.length} first pages`);
      run.report.add(`search.${run.kind}.${name}_p50`, percentile(times, 50), 'ms');
      run.report.add(`search.${run.kind}.${name}_p95`, percentile(times, 95), 'ms');
    }
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

const VOCABULARY = 30_000;
const SYLLABLES = 'ka to ri mel san dor vi lu pe qua zen bro fi tal mon gre su no har lis ev ost am'.split(
  ' ',
);

/** The made-up word of a rank: a few syllables spelled from its number (the same on every run). */
function word(rank: number): string {
  let n = rank + 7;
  let out = '';
  do {
    out += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  } while (n > 0);
  return out;
}

/** Ranks 0..VOCABULARY−1 drawn by Zipf's law (s = 1), by inverting its cumulative weights. */
function zipf(next: () => number): () => number {
  const cumulative = new Float64Array(VOCABULARY);
  let total = 0;
  for (let r = 0; r < VOCABULARY; r++) {
    total += 1 / (r + 1);
    cumulative[r] = total;
  }
  return () => {
    const x = next() * total;
    let lo = 0;
    let hi = VOCABULARY - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** The search part's items, one JSONL line each: an externalId, a priority 0–4, 20–80 words of text. */
export function* textItemLines(count: number): Generator<string> {
  const next = mulberry32(7);
  const rank = zipf(next);
  const words = Array.from({ length: VOCABULARY }, (_, r) => word(r));
  for (let n = 0; n < count; n++) {
    const length = 20 + Math.floor(next() * 60);
    const text: string[] = [];
    for (let k = 0; k < length; k++) text.push(words[rank()]!);
    const priority = Math.floor(next() * 5);
    yield JSON.stringify({ id: `doc-${n}`, priority, data: { text: `${text.join(' ')}.`, source: 'bench' } });
  }
}

async function writeTextItems(file: string, count: number): Promise<void> {
  const out = fs.createWriteStream(file);
  let buffer = '';
  for (const line of textItemLines(count)) {
    buffer += `${line}\n`;
    if (buffer.length >= 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'close');
}

/**
 * What people type: a third one word (rank 10 to 10,000, log-uniform: from common to rare), a
 * third two such words, a third a word cut to its first 3–5 letters (still being typed).
 */
export function queryMix(count: number): string[] {
  const next = mulberry32(11);
  const pick = () => word(Math.floor(10 * 1000 ** next()));
  return Array.from({ length: count }, (_, i) => {
    if (i % 3 === 0) return pick();
    if (i % 3 === 1) return `${pick()} ${pick()}`;
    return pick().slice(0, 3 + Math.floor(next() * 3));
  });
}
