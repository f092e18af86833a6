import fs from 'node:fs';
import { send } from './client.ts';
import type { StoreRun } from './context.ts';
import { progress, toMb } from './report.ts';

/**
 * Streams the generated file through POST /api/projects/:id/items and times it from the first
 * byte sent to the reply: decode, validate, spool and insert, all inside the server. The file is
 * also the project the other parts use, so it runs even when only they are measured. Returns
 * the rate in items/s.
 */
export async function runImport(run: StoreRun, itemsFile: string, emit: boolean): Promise<number> {
  const server = run.servers[0]!;
  const size = run.options.size;
  progress(`${run.kind}: importing ${size} items${emit ? '' : ' (setup, not measured)'}`);
  await server.resetPeaks();
  const before = await server.stats();
  const started = performance.now();
  const reply = await send({
    method: 'POST',
    url: `${server.url}/api/projects/${run.projectId}/items`,
    token: run.admin.token,
    stream: fs.createReadStream(itemsFile, { highWaterMark: 1 << 20 }),
    contentType: 'application/x-ndjson',
  });
  const seconds = (performance.now() - started) / 1000;
  if (reply.status !== 201) throw new Error(`import failed: ${reply.status} ${reply.text.slice(0, 500)}`);
  const result = JSON.parse(reply.text) as { imported: number };
  if (result.imported !== size) throw new Error(`import stored ${result.imported} of ${size} items`);
  const after = await server.stats();
  progress(`${run.kind}: import server peak heap ${toMb(after.peakHeapBytes).toFixed(0)} MB`);
  if (!emit) return size / seconds;
  run.report.add(`import.${run.kind}.items_per_s`, size / seconds, 'items/s');
  run.report.add(`import.${run.kind}.peak_rss`, toMb(after.peakRssBytes), 'MB');
  run.report.add(`import.${run.kind}.server_cpu`, (after.cpuMicros - before.cpuMicros) / size, 'us/item');
  return size / seconds;
}
