import fs from 'node:fs';
import type { ImportedAnnotation } from '../../core/codecs/items.ts';
import { readLines } from '../../core/codecs/lines.ts';
import { existingExternalIds, insertItemRows, type NewItemRow } from '../db/bulk.ts';
import type { Store } from '../db/connect.ts';
import type { Tx } from '../db/transaction.ts';
import type { ProjectRow } from '../projects/projects.repository.ts';

/** A validated item as spooled between the passes: [line, externalId, data JSON, meta JSON, priority, annotations]. */
export type SpooledItem = [number, string | null, string, string, number, ImportedAnnotation[] | null];

/**
 * One spool line: tab-separated fields, the JSON ones as serialised text. JSON text never holds a
 * raw tab or newline, so no escaping is needed, and the data JSON is not serialised twice.
 */
export function encodeSpooled(r: SpooledItem): string {
  const ext = r[1] === null ? '' : JSON.stringify(r[1]);
  return `${r[0]}\t${r[4]}\t${ext}\t${r[2]}\t${r[3]}\t${r[5] ? JSON.stringify(r[5]) : ''}\n`;
}

export function decodeSpooled(text: string): SpooledItem {
  const [line, priority, ext, data, meta, annotations] = text.split('\t') as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  return [
    Number(line),
    ext === '' ? null : JSON.parse(ext),
    data,
    meta,
    Number(priority),
    annotations ? JSON.parse(annotations) : null,
  ];
}

const BATCH = 1000;

export async function insertSpooled(
  store: Store,
  tx: Tx,
  project: ProjectRow,
  spoolPath: string,
  report: (line: number, message: string) => void,
): Promise<{ items: number; annotations: number }> {
  const annotators = new AnnotatorCache(tx);
  // Ids can only clash with items already there (pass one caught repeats within the file); into
  // an empty project, skip the per-batch lookup, which costs more as the table fills.
  const existing = await tx
    .selectFrom('items')
    .select('id')
    .where('projectId', '=', project.id)
    .limit(1)
    .executeTakeFirst();
  let items = 0;
  let annotations = 0;
  let batch: SpooledItem[] = [];
  const flush = async () => {
    const rows = existing ? await dropExisting(tx, project.id, batch, report) : batch;
    const now = Date.now();
    const ids = await insertItemRows(
      store,
      tx,
      rows.map((r): NewItemRow => {
        const submitted = r[5]?.filter((a) => a.status === 'submitted').length ?? 0;
        return {
          projectId: project.id,
          externalId: r[1],
          data: r[2],
          meta: r[3],
          priority: r[4],
          rand: Math.floor(Math.random() * 2 ** 31),
          slotsLeft: Math.max(0, project.overlap - submitted),
          createdAt: now,
        };
      }),
    );
    items += ids.length;
    for (const [k, r] of rows.entries()) {
      if (r[5]) annotations += await insertAnnotations(tx, project.id, ids[k]!, r[5], annotators, now);
    }
    batch = [];
  };
  for await (const { text } of readLines(fs.createReadStream(spoolPath))) {
    if (text === '') continue;
    batch.push(decodeSpooled(text));
    if (batch.length >= BATCH) await flush();
  }
  if (batch.length > 0) await flush();
  return { items, annotations };
}

async function dropExisting(
  tx: Tx,
  projectId: number,
  batch: SpooledItem[],
  report: (line: number, message: string) => void,
): Promise<SpooledItem[]> {
  const ids = batch.flatMap((r) => (r[1] === null ? [] : [r[1]]));
  const taken = await existingExternalIds(tx, projectId, ids);
  if (taken.size === 0) return batch;
  return batch.filter((r) => {
    if (r[1] === null || !taken.has(r[1])) return true;
    report(r[0], `line ${r[0]}: id ${JSON.stringify(r[1])} already exists in this project`);
    return false;
  });
}

/** Annotators named in an import: a user's email, or else an external identity without a login. */
class AnnotatorCache {
  private readonly ids = new Map<string, number>();
  constructor(private readonly tx: Tx) {}

  async idOf(annotator: string): Promise<number> {
    const known = this.ids.get(annotator);
    if (known !== undefined) return known;
    const byEmail = await this.tx
      .selectFrom('users')
      .select('id')
      .where('email', '=', annotator.toLowerCase())
      .executeTakeFirst();
    const external =
      byEmail ??
      (await this.tx
        .selectFrom('users')
        .select('id')
        .where('external', '=', 1)
        .where('name', '=', annotator)
        .executeTakeFirst()) ??
      (await this.tx
        .insertInto('users')
        .values({
          email: null,
          name: annotator,
          role: 'annotator',
          status: 'active',
          passwordHash: null,
          external: 1,
          createdAt: Date.now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow());
    this.ids.set(annotator, external.id);
    return external.id;
  }
}

async function insertAnnotations(
  tx: Tx,
  projectId: number,
  itemId: number,
  list: ImportedAnnotation[],
  annotators: AnnotatorCache,
  now: number,
): Promise<number> {
  let submitted = 0;
  for (const a of list) {
    const userId = await annotators.idOf(a.annotator);
    const at = a.createdAt ? Date.parse(a.createdAt) || now : now;
    const isSubmitted = a.status === 'submitted';
    if (isSubmitted) submitted += 1;
    const assignment = await tx
      .insertInto('assignments')
      .values({
        projectId,
        itemId,
        userId,
        status: isSubmitted ? 'submitted' : 'expired',
        lockExpiresAt: null,
        skipReason: null,
        createdAt: at,
        updatedAt: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const answers = JSON.stringify(a.answers);
    const annotation = await tx
      .insertInto('annotations')
      .values({
        assignmentId: assignment.id,
        itemId,
        projectId,
        userId,
        status: a.status,
        answers,
        pendingAnswers: null,
        leadTimeMs: a.leadTimeMs ?? 0,
        revision: 1,
        createdAt: at,
        updatedAt: at,
        submittedAt: isSubmitted ? at : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('annotationRevisions')
      .values({
        annotationId: annotation.id,
        revision: 1,
        userId,
        kind: 'import',
        answers,
        idempotencyKey: null,
        createdAt: now,
      })
      .execute();
  }
  if (submitted > 0)
    await tx.updateTable('items').set({ submittedCount: submitted }).where('id', '=', itemId).execute();
  return list.length;
}
