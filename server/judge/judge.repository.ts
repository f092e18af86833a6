import { sql } from 'kysely';
import type { Db, Tx } from '../db/transaction.ts';

/**
 * The store's side of model judges (docs/judge.md): the account a model connection answers as
 * (a users row with `model_connection_id`, no email, no password), its memberships, and the
 * annotation a judge writes. A judge's assignment is `submitted` like a person's, but the slot
 * counts (server/assignments/slots.repository.ts, stranded.repository.ts) leave model accounts
 * out, and `items.submitted_count` is never raised for it: a judge takes no person's place.
 */

/** The account model connection `connectionId` answers as, if it has one. */
export const findModelAccount = (db: Db, connectionId: number) =>
  db
    .selectFrom('users')
    .select(['id', 'name', 'status'])
    .where('modelConnectionId', '=', connectionId)
    .orderBy('id')
    .executeTakeFirst();

/**
 * The account a model connection answers as, made on first use: an annotator with no email and
 * no password, which can never sign in (server/auth refuses it a session and a token too). One
 * per connection (migration 0017's unique index): a concurrent maker's account is found instead.
 */
export async function ensureModelAccount(
  tx: Tx,
  a: { connectionId: number; name: string; now: number },
): Promise<number> {
  await tx
    .insertInto('users')
    .values({
      email: null,
      name: a.name,
      role: 'annotator',
      status: 'active',
      passwordHash: null,
      external: 0,
      createdAt: a.now,
      modelConnectionId: a.connectionId,
    })
    .onConflict((oc) => oc.column('modelConnectionId').where('modelConnectionId', 'is not', null).doNothing())
    .execute();
  const row = await findModelAccount(tx, a.connectionId);
  if (!row) throw new Error(`no account for model connection ${a.connectionId}`);
  return row.id;
}

/** Makes the account an annotator member of the project (kept as it is when it is one already). */
export async function addJudgeMember(tx: Tx, m: { projectId: number; userId: number; now: number }) {
  await tx
    .insertInto('projectMembers')
    .values({ projectId: m.projectId, userId: m.userId, role: 'annotator', addedAt: m.now })
    .onConflict((oc) => oc.columns(['projectId', 'userId']).doUpdateSet({ role: 'annotator' }))
    .execute();
}

/** The project's model judges (members whose account is a model connection's), by user id. */
export const listJudgeRows = (db: Db, projectId: number, userId?: number) => {
  let query = db
    .selectFrom('projectMembers as m')
    .innerJoin('users as u', 'u.id', 'm.userId')
    .select(['m.projectId', 'm.userId', 'u.name', 'u.status', 'u.modelConnectionId', 'm.addedAt'])
    .where('m.projectId', '=', projectId)
    .where('u.modelConnectionId', 'is not', null)
    .orderBy('m.userId');
  if (userId !== undefined) query = query.where('m.userId', '=', userId);
  return query.execute();
};

/** Every model connection by name, as a project's managers choose one: id, name and model only. */
export const listConnectionChoices = (db: Db) =>
  db.selectFrom('modelConnections').select(['id', 'name', 'model']).orderBy('name').execute();

/** The item and its project's interface, guidelines and version, as a model step reads them. */
export const findItemForModel = (db: Db, itemId: number) =>
  db
    .selectFrom('items as i')
    .innerJoin('projects as p', 'p.id', 'i.projectId')
    .select(['i.id', 'i.projectId', 'i.data', 'p.interface', 'p.interfaceVersion', 'p.guidelines'])
    .where('i.id', '=', itemId)
    .executeTakeFirst();

/** One step per item of the project, `item:<id>`, inserted by INSERT … SELECT (never in memory). */
export async function insertItemSteps(
  tx: Tx,
  s: { jobId: number; projectId: number; lane: string | null; now: number },
): Promise<void> {
  await tx
    .insertInto('jobSteps')
    .columns(['jobId', 'key', 'status', 'lane', 'updatedAt'])
    .expression(
      tx
        .selectFrom('items')
        .select([
          sql<number>`cast(${s.jobId} as bigint)`.as('jobId'),
          sql<string>`'item:' || id`.as('key'),
          sql<'pending'>`'pending'`.as('status'),
          sql<string | null>`cast(${s.lane} as text)`.as('lane'),
          sql<number>`cast(${s.now} as bigint)`.as('updatedAt'),
        ])
        .where('projectId', '=', s.projectId),
    )
    .execute();
}

/** A judge's answers to one item, as the step's commit writes them. */
export interface JudgeAnnotation {
  projectId: number;
  itemId: number;
  userId: number;
  /** JSON text, valid against the interface version below. */
  answers: string;
  /** JSON text: the candidates' order the model was shown, per `responses` field. */
  shown: string;
  interfaceVersion: number;
  now: number;
}

/**
 * Writes a judge's answers as its submitted annotation of the item: the first time an assignment
 * (submitted), the annotation and a `submit` revision; when the judge ran over the item before,
 * the annotation's answers are replaced and an `edit` revision added. Neither touches the item's
 * slots or submitted count.
 */
export async function writeJudgeAnnotation(tx: Tx, a: JudgeAnnotation): Promise<void> {
  const existing = await tx
    .selectFrom('annotations')
    .select(['id', 'revision'])
    .where('itemId', '=', a.itemId)
    .where('userId', '=', a.userId)
    .executeTakeFirst();
  if (existing) {
    const revision = existing.revision + 1;
    await tx
      .updateTable('annotations')
      .set({
        status: 'submitted',
        answers: a.answers,
        pendingAnswers: null,
        revision,
        interfaceVersion: a.interfaceVersion,
        shown: a.shown,
        updatedAt: a.now,
        submittedAt: a.now,
        editedAt: a.now,
      })
      .where('id', '=', existing.id)
      .execute();
    await insertRevision(tx, existing.id, revision, 'edit', a);
    return;
  }
  const assignment = await tx
    .insertInto('assignments')
    .values({
      projectId: a.projectId,
      itemId: a.itemId,
      userId: a.userId,
      status: 'submitted',
      lockExpiresAt: null,
      skipReason: null,
      createdAt: a.now,
      updatedAt: a.now,
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
      status: 'submitted',
      answers: a.answers,
      pendingAnswers: null,
      leadTimeMs: 0,
      revision: 1,
      interfaceVersion: a.interfaceVersion,
      shown: a.shown,
      createdAt: a.now,
      updatedAt: a.now,
      submittedAt: a.now,
      editedAt: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertRevision(tx, annotation.id, 1, 'submit', a);
}

async function insertRevision(
  tx: Tx,
  annotationId: number,
  revision: number,
  kind: 'submit' | 'edit',
  a: JudgeAnnotation,
): Promise<void> {
  await tx
    .insertInto('annotationRevisions')
    .values({
      annotationId,
      revision,
      userId: a.userId,
      kind,
      answers: a.answers,
      idempotencyKey: null,
      createdAt: a.now,
      importedBy: null,
      interfaceVersion: a.interfaceVersion,
    })
    .execute();
}
