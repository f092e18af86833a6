import type { StoreKind } from '../db/store.ts';
import type { Tx } from '../db/transaction.ts';

/**
 * An import's reads and writes inside its transaction, besides the item rows themselves
 * (server/db/bulk.ts): the project's order, the annotators it names, their annotations.
 */

/**
 * The project's item order (which decides an item's random key), or undefined if there is no
 * such project. On PostgreSQL it is read FOR SHARE, so a concurrent switch to random order waits
 * for the import, and drawRandomKeys then sees every row it inserts.
 */
export async function itemOrderForImport(
  tx: Tx,
  kind: StoreKind,
  projectId: number,
): Promise<'sequential' | 'random' | undefined> {
  let query = tx.selectFrom('projects').select('itemOrder').where('id', '=', projectId);
  if (kind === 'postgres') query = query.forShare();
  const row = await query.executeTakeFirst();
  return row?.itemOrder;
}

/** The id of the external identity (an account without a login) of this name, if there is one. */
export async function findExternalIdentity(tx: Tx, name: string): Promise<number | undefined> {
  const row = await tx
    .selectFrom('users')
    .select('id')
    .where('external', '=', 1)
    .where('name', '=', name)
    .executeTakeFirst();
  return row?.id;
}

/** Creates an external identity of this name; returns its id. */
export async function insertExternalIdentity(tx: Tx, name: string): Promise<number> {
  const row = await tx
    .insertInto('users')
    .values({
      email: null,
      name,
      role: 'annotator',
      status: 'active',
      passwordHash: null,
      external: 1,
      createdAt: Date.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The id of the account (not an external identity) with this email that is a member of the project. */
export async function findMemberAccount(
  tx: Tx,
  projectId: number,
  email: string,
): Promise<number | undefined> {
  const row = await tx
    .selectFrom('users as u')
    .innerJoin('projectMembers as m', (join) =>
      join.onRef('m.userId', '=', 'u.id').on('m.projectId', '=', projectId),
    )
    .select('u.id')
    .where('u.email', '=', email.toLowerCase())
    .where('u.external', '=', 0)
    .executeTakeFirst();
  return row?.id;
}

/** One imported annotation, as insertImportedAnnotation writes it. */
export interface ImportedAnnotationRow {
  projectId: number;
  itemId: number;
  userId: number;
  status: 'draft' | 'submitted';
  /** JSON text. */
  answers: string;
  leadTimeMs: number;
  /** When the annotation was made (as the file says). */
  createdAt: number;
  /** When it was imported: its revision's time. */
  importedAt: number;
  importedBy: number;
}

/**
 * Writes an imported annotation: its assignment (submitted, or expired for a draft), the
 * annotation, and its `import` revision, which names the importer.
 */
export async function insertImportedAnnotation(tx: Tx, a: ImportedAnnotationRow): Promise<void> {
  const submitted = a.status === 'submitted';
  const assignment = await tx
    .insertInto('assignments')
    .values({
      projectId: a.projectId,
      itemId: a.itemId,
      userId: a.userId,
      status: submitted ? 'submitted' : 'expired',
      lockExpiresAt: null,
      skipReason: null,
      createdAt: a.createdAt,
      updatedAt: a.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const annotation = await tx
    .insertInto('annotations')
    .values({
      assignmentId: assignment.id,
      itemId: a.itemId,
      projectId: a.projectId,
      userId: a.userId,
      status: a.status,
      answers: a.answers,
      pendingAnswers: null,
      leadTimeMs: a.leadTimeMs,
      revision: 1,
      createdAt: a.createdAt,
      updatedAt: a.createdAt,
      submittedAt: submitted ? a.createdAt : null,
      interfaceVersion: currentInterfaceVersion(tx, a.projectId),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('annotationRevisions')
    .values({
      annotationId: annotation.id,
      revision: 1,
      userId: a.userId,
      kind: 'import',
      answers: a.answers,
      idempotencyKey: null,
      createdAt: a.importedAt,
      importedBy: a.importedBy,
      interfaceVersion: currentInterfaceVersion(tx, a.projectId),
    })
    .execute();
}

/** The project's interface version, which imported answers were checked against. */
const currentInterfaceVersion = (tx: Tx, projectId: number) =>
  tx.selectFrom('projects').select('interfaceVersion').where('id', '=', projectId);

/** Sets how many submitted annotations an item holds (its imported ones). */
export async function setSubmittedCount(
  tx: Tx,
  { itemId, submitted }: { itemId: number; submitted: number },
): Promise<void> {
  await tx.updateTable('items').set({ submittedCount: submitted }).where('id', '=', itemId).execute();
}
