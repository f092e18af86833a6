import { writeTransaction } from '../db/transaction.ts';
import type { Verity } from '../server.ts';
import { sampleInterface } from './harness.ts';

/** The export's filters as the tests state them: times in epoch ms, ids as numbers. */
export interface ExpectedFilters {
  submittedOnly?: boolean;
  completeOnly?: boolean;
  from?: number;
  to?: number;
  ids?: number[];
}

/** The questions of sampleInterface (every test project's), which each answers object lists. */
const QUESTIONS = sampleInterface.questions.map((q) => q.name);

/** Answers with every question, null when unanswered, in the interface's order; other keys after. */
export function withNulls(answers: string): string {
  const given = JSON.parse(answers) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const name of QUESTIONS) out[name] = Object.hasOwn(given, name) ? given[name] : null;
  for (const [key, value] of Object.entries(given)) if (!QUESTIONS.includes(key)) out[key] = value;
  return JSON.stringify(out);
}

/**
 * The export format stated plainly, through Kysely and toISOString, with the filters as
 * docs/data-model.md states them: what every export must produce byte for byte, whatever its
 * paging and however it reads.
 */
export async function expectedExport(
  verity: Verity,
  projectId: number,
  filters: ExpectedFilters = {},
): Promise<string> {
  const db = verity.store.db;
  const { overlap } = await db
    .selectFrom('projects')
    .select('overlap')
    .where('id', '=', projectId)
    .executeTakeFirstOrThrow();
  const items = await db
    .selectFrom('items')
    .select(['id', 'externalId', 'data', 'meta', 'priority', 'submittedCount', 'target'])
    .where('projectId', '=', projectId)
    .orderBy('id')
    .execute();
  const annotations = await db
    .selectFrom('annotations as n')
    .innerJoin('users as u', 'u.id', 'n.userId')
    .leftJoin('annotationRevisions as r', (join) =>
      join.onRef('r.annotationId', '=', 'n.id').on('r.revision', '=', 1),
    )
    .leftJoin('users as importer', 'importer.id', 'r.importedBy')
    .selectAll('n')
    .select([
      'u.email',
      'u.name',
      'u.modelConnectionId',
      'importer.email as importerEmail',
      'importer.name as importerName',
    ])
    .where('n.projectId', '=', projectId)
    .orderBy('n.id')
    .execute();
  const skips = await db
    .selectFrom('assignments as s')
    .innerJoin('users as u', 'u.id', 's.userId')
    .select(['s.itemId', 's.userId', 's.skipReason', 's.updatedAt', 'u.email', 'u.name'])
    .where('s.projectId', '=', projectId)
    .where('s.status', '=', 'skipped')
    .orderBy('s.id')
    .execute();
  const predictions = await db
    .selectFrom('predictions')
    .select(['itemId', 'agent', 'score', 'answers', 'source'])
    .where('projectId', '=', projectId)
    .orderBy('itemId')
    .orderBy('agent')
    .execute();
  const ranged = filters.from !== undefined || filters.to !== undefined;
  const kept = annotations.filter(
    (a) =>
      (!(filters.submittedOnly || ranged) || a.status === 'submitted') &&
      (filters.from === undefined || (a.submittedAt !== null && a.submittedAt >= filters.from)) &&
      (filters.to === undefined || (a.submittedAt !== null && a.submittedAt < filters.to)),
  );
  const iso = (ms: number | null) => (ms === null ? 'null' : JSON.stringify(new Date(ms).toISOString()));
  let text = '';
  for (const item of items) {
    if (filters.ids && !filters.ids.includes(Number(item.id))) continue;
    if (filters.completeOnly && item.submittedCount < (item.target ?? overlap)) continue;
    const list = kept.filter((a) => a.itemId === item.id);
    if (ranged && list.length === 0) continue;
    const lines = list.map(
      (a) =>
        `{"id":${a.id},"annotator":${JSON.stringify(a.email ?? a.name)},"annotatorKind":"${a.modelConnectionId === null ? 'human' : 'model'}",` +
        `"userId":${a.userId},"status":${JSON.stringify(a.status)},` +
        `"answers":${withNulls(a.answers)},"leadTimeMs":${a.leadTimeMs},"revision":${a.revision},` +
        `"interfaceVersion":${a.interfaceVersion},"shown":${a.shown ?? 'null'},` +
        `"importedBy":${JSON.stringify(a.importerEmail ?? a.importerName)},` +
        `"suggestedBy":${JSON.stringify(a.suggestedBy)},` +
        `"createdAt":${iso(a.createdAt)},"updatedAt":${iso(a.updatedAt)},"submittedAt":${iso(a.submittedAt)}}`,
    );
    const skipList = skips
      .filter((s) => s.itemId === item.id)
      .map(
        (s) =>
          `{"userId":${s.userId},"annotator":${JSON.stringify(s.email ?? s.name)},` +
          `"reason":${JSON.stringify(s.skipReason)},"skippedAt":${iso(s.updatedAt)}}`,
      );
    const suggested = predictions
      .filter((p) => p.itemId === item.id)
      .map((p) => ({ agent: p.agent, score: p.score, answers: JSON.parse(p.answers), source: p.source }));
    text +=
      `{"id":${item.id},"externalId":${JSON.stringify(item.externalId)},"data":${item.data},"meta":${item.meta},` +
      `"priority":${item.priority},"predictions":${JSON.stringify(suggested)},"annotations":[${lines.join(',')}],"skips":[${skipList.join(',')}]}\n`;
  }
  return text;
}

export interface AnnotationSpec {
  itemId: number;
  userId: number;
  status: 'draft' | 'submitted';
  answers: unknown;
  times: [createdAt: number, updatedAt: number, submittedAt: number | null];
}

/**
 * Writes annotations (and the assignments they belong to) straight into the store, in order;
 * each submitted one counts on its item, as a submit would.
 */
export async function annotate(verity: Verity, projectId: number, specs: AnnotationSpec[]): Promise<void> {
  await writeTransaction(verity.store, async (tx) => {
    for (let at = 0; at < specs.length; at += 500) {
      const chunk = specs.slice(at, at + 500);
      const assignments = await tx
        .insertInto('assignments')
        .values(
          chunk.map((a) => ({
            projectId,
            itemId: a.itemId,
            userId: a.userId,
            status: a.status === 'draft' ? ('locked' as const) : ('submitted' as const),
            createdAt: a.times[0],
            updatedAt: a.times[1],
          })),
        )
        .returning(['id', 'itemId', 'userId'])
        .execute();
      const ids = new Map(assignments.map((r) => [`${r.itemId}/${r.userId}`, r.id]));
      for (const a of chunk) {
        await tx
          .insertInto('annotations')
          .values({
            assignmentId: ids.get(`${a.itemId}/${a.userId}`)!,
            itemId: a.itemId,
            projectId,
            userId: a.userId,
            status: a.status,
            answers: JSON.stringify(a.answers),
            leadTimeMs: 1234,
            revision: 2,
            createdAt: a.times[0],
            updatedAt: a.times[1],
            submittedAt: a.times[2],
          })
          .execute();
        if (a.status === 'submitted')
          await tx
            .updateTable('items')
            .set((eb) => ({ submittedCount: eb('submittedCount', '+', 1) }))
            .where('id', '=', a.itemId)
            .execute();
      }
    }
  });
}

/** Writes skipped assignments straight into the store: (item, user, reason, skipped at). */
export async function skipItems(
  verity: Verity,
  projectId: number,
  specs: [itemId: number, userId: number, reason: string | null, at: number][],
): Promise<void> {
  await writeTransaction(verity.store, async (tx) => {
    await tx
      .insertInto('assignments')
      .values(
        specs.map(([itemId, userId, skipReason, at]) => ({
          projectId,
          itemId,
          userId,
          status: 'skipped' as const,
          skipReason,
          createdAt: at,
          updatedAt: at,
        })),
      )
      .execute();
  });
}
