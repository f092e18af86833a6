import { annotatorLabelOf } from '../assignments/assignments.repository.ts';
import type { Db } from '../db/transaction.ts';

/** Whose annotation it is, and in which project; undefined if there is none. */
export const findAnnotationOwner = (db: Db, annotationId: number) =>
  db
    .selectFrom('annotations')
    .select(['projectId', 'userId'])
    .where('id', '=', annotationId)
    .executeTakeFirst();

/** Every revision of an annotation, oldest first, with the label of whoever imported it (if imported). */
export const listRevisions = (db: Db, annotationId: number) =>
  db
    .selectFrom('annotationRevisions as r')
    .leftJoin('users as i', 'i.id', 'r.importedBy')
    .selectAll('r')
    .select(annotatorLabelOf('i').as('importer'))
    .where('r.annotationId', '=', annotationId)
    .orderBy('r.revision')
    .execute();
