import { type Selectable, type SqlBool, sql } from 'kysely';
import type { MediaTable } from '../db/schema-media.ts';
import type { Db } from '../db/transaction.ts';

export type MediaRow = Selectable<MediaTable>;

/** A new media row: every column but the id and what probing fills in later. */
export type NewMedia = Pick<
  MediaTable,
  | 'projectId'
  | 'sha256'
  | 'size'
  | 'contentType'
  | 'originalName'
  | 'storageKey'
  | 'sourceUrl'
  | 'uploadedBy'
  | 'createdAt'
>;

/**
 * Records a media file in a project, or finds the row the project has for the same bytes
 * (`created: false`). The unique (project, sha256) decides between two concurrent uploads.
 */
export async function insertOrFindMedia(
  db: Db,
  media: NewMedia,
): Promise<{ row: MediaRow; created: boolean }> {
  const inserted = await db
    .insertInto('media')
    .values(media)
    .onConflict((oc) => oc.columns(['projectId', 'sha256']).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return { row: inserted, created: true };
  const found = await db
    .selectFrom('media')
    .selectAll()
    .where('projectId', '=', media.projectId)
    .where('sha256', '=', media.sha256)
    .executeTakeFirstOrThrow();
  return { row: found, created: false };
}

/** A media row of this project, or undefined (another project's id is as good as none). */
export async function findProjectMedia(
  db: Db,
  projectId: number,
  mediaId: number,
): Promise<MediaRow | undefined> {
  return db
    .selectFrom('media')
    .selectAll()
    .where('id', '=', mediaId)
    .where('projectId', '=', projectId)
    .executeTakeFirst();
}

/** The media rows of this project among `ids` (others, and other projects', are left out). */
export async function findProjectMediaMany(
  db: Db,
  projectId: number,
  ids: readonly number[],
): Promise<MediaRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('media')
    .selectAll()
    .where('projectId', '=', projectId)
    .where('id', 'in', [...ids])
    .execute();
}

/** The row the project has for a URL it fetched before, so an import run again fetches nothing twice. */
export async function findMediaBySource(
  db: Db,
  projectId: number,
  url: string,
): Promise<MediaRow | undefined> {
  return db
    .selectFrom('media')
    .selectAll()
    .where('projectId', '=', projectId)
    .where('sourceUrl', '=', url)
    .orderBy('id')
    .executeTakeFirst();
}

/** A media row by id, whichever project (for the media jobs, which carry the id). */
export async function findMediaById(db: Db, mediaId: number): Promise<MediaRow | undefined> {
  return db.selectFrom('media').selectAll().where('id', '=', mediaId).executeTakeFirst();
}

/** What a probe found (docs/media.md, "Probing"): the facts, or the reason it failed. */
export type ProbeOutcome = Pick<
  MediaTable,
  'durationSeconds' | 'sampleRate' | 'channels' | 'frameRate' | 'width' | 'height' | 'codecs' | 'probeError'
>;

export async function recordProbe(db: Db, mediaId: number, outcome: ProbeOutcome, now: number) {
  await db
    .updateTable('media')
    .set({ ...outcome, probedAt: now })
    .where('id', '=', mediaId)
    .execute();
}

/** Stores a media file's peaks index (JSON text) or why they failed. */
export async function recordPeaks(
  db: Db,
  mediaId: number,
  peaks: { index: string | null; error: string | null },
) {
  await db
    .updateTable('media')
    .set({ peaks: peaks.index, peaksError: peaks.error })
    .where('id', '=', mediaId)
    .execute();
}

/** The peaks index computed for the same bytes in any project, so they are not computed twice. */
export async function findPeaksOfContent(db: Db, sha256: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('media')
    .select('peaks')
    .where('sha256', '=', sha256)
    .where('peaks', 'is not', null)
    .limit(1)
    .executeTakeFirst();
  return row?.peaks ?? undefined;
}

export type MediaStatus = 'failed' | 'pending' | 'ready';

/** The probe or the waveform failed with a reason. */
const FAILED = sql<SqlBool>`(probe_error is not null or peaks_error is not null)`;
/** Not probed yet, or a file with sound whose waveform is still to come. */
const NOT_DONE = sql<SqlBool>`(probed_at is null or (sample_rate is not null and peaks is null))`;
/**
 * A media row's state (docs/media.md, "Listing media"): one expression for the list, its filter,
 * its counts, and (failed or not done) what probing again takes up.
 */
const STATUS = sql<MediaStatus>`case when ${FAILED} then 'failed' when ${NOT_DONE} then 'pending' else 'ready' end`;

/**
 * The project's media to probe again (docs/media.md, "Probing again"): those whose probe or
 * waveform failed with a reason and, unless `failedOnly`, those never probed and those with sound
 * whose waveform never came; less those a probe or peaks job still has a pending or running step for.
 */
export async function mediaToReprobe(db: Db, projectId: number, failedOnly: boolean): Promise<number[]> {
  const rows = await db
    .selectFrom('media as m')
    .select('m.id')
    .where('m.projectId', '=', projectId)
    .where(failedOnly ? FAILED : sql<SqlBool>`(${FAILED} or ${NOT_DONE})`)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('jobs as j')
            .innerJoin('jobSteps as s', 's.jobId', 'j.id')
            .select('s.id')
            .where('j.projectId', '=', projectId)
            .where('j.kind', 'in', ['probe', 'peaks'])
            .where('s.status', 'in', ['pending', 'running'])
            .whereRef('s.key', '=', sql<string>`'media:' || m.id`),
        ),
      ),
    )
    .orderBy('m.id')
    .execute();
  return rows.map((r) => Number(r.id));
}

/**
 * A page of the project's media with each one's state, newest first (by id), after the id
 * `before` when given, in one state or all; `limit + 1` rows are read so the caller knows whether a
 * next page exists.
 */
export async function listProjectMedia(
  db: Db,
  projectId: number,
  opts: { status: MediaStatus | 'all'; before: number | null; limit: number },
): Promise<(MediaRow & { status: MediaStatus })[]> {
  let q = db.selectFrom('media').selectAll().select(STATUS.as('status')).where('projectId', '=', projectId);
  if (opts.before !== null) q = q.where('id', '<', opts.before);
  if (opts.status !== 'all') {
    const wanted = opts.status;
    q = q.where((eb) => eb(STATUS, '=', wanted));
  }
  return q
    .orderBy('id', 'desc')
    .limit(opts.limit + 1)
    .execute();
}

/** How many of the project's media are in each state. */
export async function countProjectMedia(db: Db, projectId: number): Promise<Record<MediaStatus, number>> {
  const rows = await db
    .selectFrom('media')
    .where('projectId', '=', projectId)
    .select([STATUS.as('status'), sql<number>`count(*)`.as('n')])
    .groupBy(STATUS)
    .execute();
  const counts: Record<MediaStatus, number> = { failed: 0, pending: 0, ready: 0 };
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}
