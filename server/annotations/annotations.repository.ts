import { type QueryCreator, type Selectable, sql } from 'kysely';
import type { z } from 'zod';
import type { Annotation } from '../../core/api/assignments.ts';
import { type AssignmentRow, annotatorLabelOf, toAnnotation } from '../assignments/assignments.repository.ts';
import type { Caller } from '../context.ts';
import type { Database } from '../db/schema.ts';
import type { Store } from '../db/store.ts';
import type { Db, Tx } from '../db/transaction.ts';
import type { IntegrityWrite } from './integrity.ts';

export interface AnswerWrite {
  kind: 'draft' | 'submit' | 'edit';
  answers: Record<string, unknown>;
  activeMs: number;
  now: number;
  key?: string;
  /** A draft of edits to a submitted annotation: kept aside, the submitted answers stay. */
  pending?: boolean;
  /** The project's interface version the answers were checked against. */
  interfaceVersion: number;
  /** The candidates' order shown to the caller, as JSON text (`{field: [ids]}`). */
  shown: string;
  /** The signals summed with this save's and their flags; absent: both stay as they are. */
  integrity?: IntegrityWrite | undefined;
  /**
   * The agent whose suggestion the caller is shown for the item (docs/suggestions.md); kept from
   * the first save that had one.
   */
  suggestedBy?: string | null | undefined;
}

/**
 * Writes the caller's answers for an assignment and appends a revision: every change is kept,
 * drafts included, so no version of anyone's work is ever lost. One upsert writes the annotation
 * (the first answers create it; later ones bump its revision and add to its lead time).
 */
export async function recordAnswers(
  store: Store,
  tx: Tx,
  a: AssignmentRow,
  caller: Pick<Caller, 'id' | 'email' | 'name'>,
  w: AnswerWrite,
): Promise<z.input<typeof Annotation>> {
  const json = JSON.stringify(w.answers);
  const status = w.kind !== 'draft' || w.pending === true ? 'submitted' : 'draft';
  const upsert = (db: QueryCreator<Database>) =>
    db
      .insertInto('annotations')
      .values({
        assignmentId: a.id,
        itemId: a.itemId,
        projectId: a.projectId,
        userId: caller.id,
        status,
        answers: json,
        pendingAnswers: null,
        leadTimeMs: w.activeMs,
        revision: 1,
        interfaceVersion: w.interfaceVersion,
        createdAt: w.now,
        updatedAt: w.now,
        submittedAt: w.kind === 'submit' ? w.now : null,
        shown: w.shown,
        suggestedBy: w.suggestedBy ?? null,
        ...(w.integrity ? { signals: w.integrity.signals, flags: w.integrity.flags } : {}),
      })
      .onConflict((oc) =>
        oc.column('assignmentId').doUpdateSet({
          ...(w.pending
            ? { pendingAnswers: sql<string>`excluded.answers` }
            : {
                answers: sql<string>`excluded.answers`,
                pendingAnswers: null,
                interfaceVersion: sql<number>`excluded.interface_version`,
              }),
          status,
          shown: sql<string>`excluded.shown`,
          suggestedBy: sql<string | null>`coalesce(annotations.suggested_by, excluded.suggested_by)`,
          ...(w.integrity
            ? { signals: sql<string>`excluded.signals`, flags: sql<string | null>`excluded.flags` }
            : {}),
          leadTimeMs: sql<number>`annotations.lead_time_ms + excluded.lead_time_ms`,
          revision: sql<number>`annotations.revision + 1`,
          updatedAt: w.now,
          ...(w.kind === 'submit' ? { submittedAt: w.now } : {}),
          ...(w.kind === 'edit' ? { editedAt: w.now } : {}),
        }),
      )
      .returningAll();
  const revision = {
    userId: caller.id,
    kind: w.kind,
    answers: json,
    idempotencyKey: w.key ?? null,
    createdAt: w.now,
    interfaceVersion: w.interfaceVersion,
  };
  let row: Selectable<Database['annotations']>;
  if (store.kind === 'postgres') {
    // One statement, one round trip: the revision is written from the upsert's own result.
    row = await tx
      .with('n', upsert)
      .with('r', (db) =>
        db
          .insertInto('annotationRevisions')
          .columns([
            'annotationId',
            'revision',
            'userId',
            'kind',
            'answers',
            'idempotencyKey',
            'createdAt',
            'interfaceVersion',
          ])
          .expression((eb) =>
            eb
              .selectFrom('n')
              .select([
                'n.id',
                'n.revision',
                sql<number>`${revision.userId}::bigint`.as('userId'),
                sql<string>`${revision.kind}::text`.as('kind'),
                sql<string>`${revision.answers}::text`.as('answers'),
                sql<string | null>`${revision.idempotencyKey}::text`.as('idempotencyKey'),
                sql<number>`${revision.createdAt}::bigint`.as('createdAt'),
                sql<number>`${revision.interfaceVersion}::int`.as('interfaceVersion'),
              ]),
          ),
      )
      .selectFrom('n')
      .selectAll()
      .executeTakeFirstOrThrow();
  } else {
    row = await upsert(tx).executeTakeFirstOrThrow();
    await tx
      .insertInto('annotationRevisions')
      .values({ annotationId: row.id, revision: row.revision, ...revision })
      .execute();
  }
  return toAnnotation({ ...row, annotator: caller.email ?? caller.name });
}

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
