import type { z } from 'zod';
import type { Revision } from '../../core/api/assignments.ts';
import { projectAccess } from '../access.ts';
import type { AppContext, Caller } from '../context.ts';
import { iso } from '../context.ts';
import { notFound } from '../http/errors.ts';
import { findAnnotationOwner, listRevisions } from './annotations.repository.ts';

/**
 * An annotation's history, every revision oldest first: for managers and reviewers of its
 * project, and for its own annotator. Anyone else is told it does not exist.
 */
export async function annotationHistory(
  ctx: AppContext,
  caller: Caller,
  annotationId: number,
): Promise<{ items: z.input<typeof Revision>[] }> {
  const db = ctx.store.db;
  const annotation = await findAnnotationOwner(db, annotationId);
  if (!annotation) throw notFound('annotation');
  const access = await projectAccess(db, caller, annotation.projectId).catch(() => {
    throw notFound('annotation');
  });
  if (!access.viewAll && annotation.userId !== caller.id) throw notFound('annotation');
  const rows = await listRevisions(db, annotationId);
  return {
    items: rows.map((r) => ({
      revision: r.revision,
      userId: r.userId,
      kind: r.kind,
      interfaceVersion: r.interfaceVersion,
      answers: JSON.parse(r.answers),
      createdAt: iso(r.createdAt),
      importedBy: r.importedBy === null ? null : { userId: r.importedBy, label: r.importer ?? '' },
    })),
  };
}
