import { Readable } from 'node:stream';
import { projectAccess } from '../access.ts';
import { annotatorLabel } from '../assignments/assignments.repository.ts';
import type { AppContext, Caller } from '../context.ts';
import { forbidden } from '../http/errors.ts';

const BATCH = 2000;
const isoOrNull = (ms: number | null) => (ms === null ? 'null' : `"${new Date(ms).toISOString()}"`);

/**
 * Streams a project as JSONL, one line per item in import order with every annotation. Reads in
 * keyset batches and splices the stored JSON text unparsed, so memory stays flat at any size.
 */
export async function exportItems(ctx: AppContext, caller: Caller, projectId: number): Promise<Readable> {
  const access = await projectAccess(ctx.store.db, caller, projectId);
  if (!access.viewAll) throw forbidden('Only managers and reviewers can export.');
  return Readable.from(exportLines(ctx, projectId), { objectMode: false });
}

export async function* exportLines(ctx: AppContext, projectId: number): AsyncGenerator<string> {
  const db = ctx.store.db;
  let after = 0;
  for (;;) {
    const items = await db
      .selectFrom('items')
      .select(['id', 'externalId', 'data', 'meta', 'priority'])
      .where('projectId', '=', projectId)
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH)
      .execute();
    if (items.length === 0) return;
    const first = items[0]!.id;
    const last = items[items.length - 1]!.id;
    after = last;
    const annotations = await db
      .selectFrom('annotations as n')
      .innerJoin('users as u', 'u.id', 'n.userId')
      .select([
        'n.id',
        'n.itemId',
        'n.userId',
        'n.status',
        'n.answers',
        'n.leadTimeMs',
        'n.revision',
        'n.createdAt',
        'n.updatedAt',
        'n.submittedAt',
        annotatorLabel.as('annotator'),
      ])
      .where('n.projectId', '=', projectId)
      .where('n.itemId', '>=', first)
      .where('n.itemId', '<=', last)
      .orderBy('n.itemId')
      .orderBy('n.id')
      .execute();
    const byItem = new Map<number, string[]>();
    for (const a of annotations) {
      const text =
        `{"id":${a.id},"annotator":${JSON.stringify(a.annotator)},"userId":${a.userId},"status":"${a.status}",` +
        `"answers":${a.answers},"leadTimeMs":${a.leadTimeMs},"revision":${a.revision},` +
        `"createdAt":${isoOrNull(a.createdAt)},"updatedAt":${isoOrNull(a.updatedAt)},"submittedAt":${isoOrNull(a.submittedAt)}}`;
      const list = byItem.get(a.itemId);
      if (list) list.push(text);
      else byItem.set(a.itemId, [text]);
    }
    let chunk = '';
    for (const i of items) {
      chunk +=
        `{"id":${i.id},"externalId":${i.externalId === null ? 'null' : JSON.stringify(i.externalId)},` +
        `"data":${i.data},"meta":${i.meta},"priority":${i.priority},"annotations":[${(byItem.get(i.id) ?? []).join(',')}]}\n`;
    }
    yield chunk;
    if (items.length < BATCH) return;
  }
}
