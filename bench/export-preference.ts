import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { send, sendJson, sendStreaming } from './client.ts';
import type { StoreRun } from './context.ts';
import { preferenceInterface, writePreferenceFile } from './datagen.ts';
import { progress, toMb } from './report.ts';

/** The preference project's items: the run's size, at most this many (each is ~1.2 kB). */
export const PREFERENCE_ITEMS_MAX = 200_000;

/**
 * The preference export (docs/exports.md): a project of its own whose items each hold a chat
 * prompt, two candidate answers and one submitted pairwise answer (bench/datagen.ts), imported
 * through the API (setup, not measured); then, from a freshly started server,
 * GET /api/projects/:id/export?format=preference streamed into /dev/null and timed to the last
 * byte. Each item gives one pair: the rate is pairs/s, with the server's peak RSS and CPU per pair.
 */
export async function runPreferenceExport(run: StoreRun): Promise<void> {
  const size = Math.min(run.options.size, PREFERENCE_ITEMS_MAX);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verity-bench-pairs-'));
  try {
    const file = path.join(dir, 'pairs.jsonl');
    await writePreferenceFile(file, size);
    progress(`${run.kind}: importing ${size} items with a pairwise answer each (setup)`);
    const projectId = await importProject(run, file, size);
    const server = await run.restartFirstServer();
    await server.resetPeaks();
    const before = await server.stats();
    progress(`${run.kind}: exporting ${size} preference pairs from a freshly started server`);
    const started = performance.now();
    const res = await sendStreaming({
      method: 'GET',
      url: `${server.url}/api/projects/${projectId}/export?format=preference`,
      token: run.admin.token,
    });
    if (res.statusCode !== 200) throw new Error(`preference export failed: ${res.statusCode}`);
    let pairs = 0;
    await pipeline(
      res,
      async function* countLines(source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) pairs += 1;
          yield chunk;
        }
      },
      fs.createWriteStream('/dev/null'),
    );
    const seconds = (performance.now() - started) / 1000;
    if (pairs !== size) throw new Error(`preference export sent ${pairs} pairs for ${size} items`);
    const after = await server.stats();
    run.report.add(`export.${run.kind}.preference`, pairs / seconds, 'pairs/s');
    run.report.add(`export.${run.kind}.preference_peak_rss`, toMb(after.peakRssBytes), 'MB');
    run.report.add(
      `export.${run.kind}.preference_server_cpu`,
      (after.cpuMicros - before.cpuMicros) / pairs,
      'us/pair',
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function importProject(run: StoreRun, file: string, size: number): Promise<number> {
  const server = run.servers[0]!;
  const project = await sendJson<{ id: number }>(
    {
      method: 'POST',
      url: `${server.url}/api/projects`,
      token: run.admin.token,
      json: { name: 'bench preference', interface: preferenceInterface },
    },
    201,
  );
  const reply = await send({
    method: 'POST',
    url: `${server.url}/api/projects/${project.id}/items`,
    token: run.admin.token,
    stream: fs.createReadStream(file, { highWaterMark: 1 << 20 }),
    contentType: 'application/x-ndjson',
  });
  if (reply.status !== 201) throw new Error(`import failed: ${reply.status} ${reply.text.slice(0, 500)}`);
  const { imported } = JSON.parse(reply.text) as { imported: number };
  if (imported !== size) throw new Error(`import stored ${imported} of ${size} items`);
  return project.id;
}
