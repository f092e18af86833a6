import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { sql } from 'kysely';
import { sendStreaming } from './client.ts';
import type { StoreRun } from './context.ts';
import { runExportFloor } from './floor-export.ts';
import { progress, toMb } from './report.ts';
import { refreshStatistics } from './stores.ts';

/**
 * Streams GET /api/projects/:id/export into /dev/null and times it to the last byte. Before
 * that, every item the next-item part left untouched gets one submitted annotation, written
 * straight into the store (setup, not measured), so each exported line carries annotations.
 * The server is restarted first: its peak RSS is then the export's, not what the import left.
 * Then the export's floor is measured on the same rows (bench/floor-export.ts).
 */
export async function runExport(run: StoreRun): Promise<void> {
  const size = run.options.size;
  progress(`${run.kind}: adding one submitted annotation to every unannotated item (setup)`);
  await seedAnnotations(run);
  progress(`${run.kind}: exporting ${size} items from a freshly started server`);
  const server = await run.restartFirstServer();
  await server.resetPeaks();
  const before = await server.stats();
  const started = performance.now();
  const res = await sendStreaming({
    method: 'GET',
    url: `${server.url}/api/projects/${run.projectId}/export?format=jsonl`,
    token: run.admin.token,
  });
  if (res.statusCode !== 200) throw new Error(`export failed: ${res.statusCode}`);
  let lines = 0;
  await pipeline(
    res,
    async function* countLines(source: AsyncIterable<Buffer>) {
      for await (const chunk of source) {
        for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines += 1;
        yield chunk;
      }
    },
    fs.createWriteStream('/dev/null'),
  );
  const seconds = (performance.now() - started) / 1000;
  if (lines !== size) throw new Error(`export sent ${lines} of ${size} items`);
  const after = await server.stats();
  progress(`${run.kind}: export server peak heap ${toMb(after.peakHeapBytes).toFixed(0)} MB`);
  run.report.add(`export.${run.kind}.items_per_s`, size / seconds, 'items/s');
  run.report.add(`export.${run.kind}.peak_rss`, toMb(after.peakRssBytes), 'MB');
  run.report.add(`export.${run.kind}.server_cpu`, (after.cpuMicros - before.cpuMicros) / size, 'us/item');
  await runExportFloor(run, size / seconds);
}

/** One submitted annotation on every item that has no assignment yet (setup; once per run). */
export async function seedAnnotations(run: StoreRun): Promise<void> {
  const [seed] = await run.servers[0]!.createUsers('annotator', 1, 'seed');
  const db = run.store.db;
  const now = Date.now();
  const answers = JSON.stringify({
    topic: 'geometry',
    flags: ['pii'],
    difficulty: 2,
    steps: 4,
    comment: 'seeded',
  });
  const user = sql`cast(${seed!.id} as bigint)`;
  const at = sql`cast(${now} as bigint)`;
  // `not in` is one hashed subplan; `not exists` was planned as a nested loop over the table being
  // filled (quadratic). Fresh statistics keep the later statements off such plans too.
  await sql`insert into assignments (project_id, item_id, user_id, status, created_at, updated_at)
    select i.project_id, i.id, ${user}, 'submitted', ${at}, ${at} from items i
    where i.project_id = ${run.projectId}
      and i.id not in (select a.item_id from assignments a where a.project_id = ${run.projectId})`.execute(
    db,
  );
  await refreshStatistics(run.store);
  await sql`insert into annotations (assignment_id, item_id, project_id, user_id, status, answers, lead_time_ms,
      revision, created_at, updated_at, submitted_at)
    select a.id, a.item_id, a.project_id, a.user_id, 'submitted', cast(${answers} as text), 12000, 1, ${at}, ${at}, ${at}
    from assignments a where a.project_id = ${run.projectId} and a.user_id = ${user}`.execute(db);
  await sql`update items set submitted_count = submitted_count + 1,
      slots_left = case when slots_left > 0 then slots_left - 1 else 0 end
    where project_id = ${run.projectId} and id in (select item_id from assignments where user_id = ${user})`.execute(
    db,
  );
  await refreshStatistics(run.store);
}
