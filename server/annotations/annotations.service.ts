import type { z } from 'zod';
import type { Revision } from '../../core/api/assignments.ts';
import { projectAccess } from '../access.ts';
import { annotatorLabelOf } from '../assignments/assignments.repository.ts';
import type { AppContext, Caller } from '../context.ts';
import { iso } from '../context.ts';
import { notFound } from '../http/errors.ts';

export async function annotationHistory(
  ctx: AppContext,
  caller: Caller,
  annotationId: number,
): Promise<{ items: z.input<typeof Revision>[] }> {
  const db = ctx.store.db;
  const annotation = await db
    .selectFrom('annotations')
    .select(['projectId', 'userId'])
    .where('id', '=', annotationId)
    .executeTakeFirst();
  if (!annotation) throw notFound('annotation');
  const access = await projectAccess(db, caller, annotation.projectId).catch(() => {
    throw notFound('annotation');
  });
  if (!access.viewAll && annotation.userId !== caller.id) throw notFound('annotation');
  const rows = await db
    .selectFrom('annotationRevisions as r')
    .leftJoin('users as i', 'i.id', 'r.importedBy')
    .selectAll('r')
    .select(annotatorLabelOf('i').as('importer'))
    .where('r.annotationId', '=', annotationId)
    .orderBy('r.revision')
    .execute();
  return {
    items: rows.map((r) => ({
      revision: r.revision,
      userId: r.userId,
      kind: r.kind,
      answers: JSON.parse(r.answers),
      createdAt: iso(r.createdAt),
      importedBy: r.importedBy === null ? null : { userId: r.importedBy, label: r.importer ?? '' },
    })),
  };
}
