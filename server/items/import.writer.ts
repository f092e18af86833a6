import fs from 'node:fs';
import readline from 'node:readline';
import type { ImportedAnnotation } from '../../core/codecs/items.ts';
import { existingExternalIds, insertItemRows, type NewItemRow } from '../db/bulk.ts';
import type { Store } from '../db/connect.ts';
import type { Tx } from '../db/transaction.ts';
import type { ProjectRow } from '../projects/projects.repository.ts';

/** A validated item as spooled between the passes: [line, externalId, data JSON, meta JSON, priority, annotations]. */
export type SpooledItem = [number, string | null, string, string, number, ImportedAnnotation[] | null];

const BATCH = 1000;

export async function insertSpooled(
  store: Store,
  tx: Tx,
  project: ProjectRow,
  spoolPath: string,
  report: (line: number, message: string) => void,
): Promise<{ items: number; annotations: number }> {
  const annotators = new AnnotatorCache(tx);
  let items = 0;
  let annotations = 0;
  let batch: SpooledItem[] = [];
  const flush = async () => {
    const rows = await dropExisting(tx, project.id, batch, report);
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
  const lines = readline.createInterface({
    input: fs.createReadStream(spoolPath),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  for await (const text of lines) {
    if (text === '') continue;
    batch.push(JSON.parse(text) as SpooledItem);
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
