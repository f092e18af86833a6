import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTransaction } from '../db/transaction.ts';
import { buildProject, type ItemSpec, importItems, seedUser } from '../testing/factories.ts';
import { type Harness, startHarness, type TestUser } from '../testing/harness.ts';
import { insertUser } from '../users/users.repository.ts';
import { exportChunks } from './exports.service.ts';

let h: Harness;
let manager: TestUser;
beforeAll(async () => {
  h = await startHarness();
  manager = await seedUser(h.verity, 'manager');
});
afterAll(async () => h.close());

const exportText = async (projectId: number): Promise<string> => {
  const res = await h.call(manager, 'GET', `/api/projects/${projectId}/export?format=jsonl`);
  expect(res.status).toBe(200);
  return String(res.body);
};

/**
 * The export format stated plainly, through Kysely and toISOString: what every export must
 * produce byte for byte, whatever its paging and however it reads.
 */
async function expectedExport(projectId: number): Promise<string> {
  const db = h.verity.store.db;
  const items = await db
    .selectFrom('items')
    .select(['id', 'externalId', 'data', 'meta', 'priority'])
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
    .select(['u.email', 'u.name', 'importer.email as importerEmail', 'importer.name as importerName'])
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
  const iso = (ms: number | null) => (ms === null ? 'null' : JSON.stringify(new Date(ms).toISOString()));
  let text = '';
  for (const item of items) {
    const list = annotations
      .filter((a) => a.itemId === item.id)
      .map(
        (a) =>
          `{"id":${a.id},"annotator":${JSON.stringify(a.email ?? a.name)},"userId":${a.userId},"status":${JSON.stringify(a.status)},` +
          `"answers":${a.answers},"leadTimeMs":${a.leadTimeMs},"revision":${a.revision},` +
          `"interfaceVersion":${a.interfaceVersion},` +
          `"importedBy":${JSON.stringify(a.importerEmail ?? a.importerName)},` +
          `"createdAt":${iso(a.createdAt)},"updatedAt":${iso(a.updatedAt)},"submittedAt":${iso(a.submittedAt)}}`,
      );
    const skipList = skips
      .filter((s) => s.itemId === item.id)
      .map(
        (s) =>
          `{"userId":${s.userId},"annotator":${JSON.stringify(s.email ?? s.name)},` +
          `"reason":${JSON.stringify(s.skipReason)},"skippedAt":${iso(s.updatedAt)}}`,
      );
    text +=
      `{"id":${item.id},"externalId":${JSON.stringify(item.externalId)},"data":${item.data},"meta":${item.meta},` +
      `"priority":${item.priority},"annotations":[${list.join(',')}],"skips":[${skipList.join(',')}]}\n`;
  }
  return text;
}

async function readAll(chunks: AsyncIterable<Buffer>): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts).toString('utf8');
}

interface AnnotationSpec {
  itemId: number;
  userId: number;
  status: 'draft' | 'submitted';
  answers: unknown;
  times: [number, number, number | null];
}

/** Writes annotations (and the assignments they belong to) straight into the store, in order. */
async function annotate(projectId: number, specs: AnnotationSpec[]): Promise<void> {
  await writeTransaction(h.verity.store, async (tx) => {
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
      }
    }
  });
}

/** Writes skipped assignments straight into the store: (item, user, reason, skipped at). */
async function skipItems(projectId: number, specs: [number, number, string | null, number][]): Promise<void> {
  await writeTransaction(h.verity.store, async (tx) => {
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

/** Times the fast ISO path and its fallbacks must both get right. */
const TIMES: [number, number, number | null][] = [
  [1_764_400_000_000, 1_764_400_000_050, 1_764_400_001_000],
  [0, 86_399_999, null],
  [-1, 253_402_300_800_000, 951_782_400_000],
  [4_102_444_799_999, 4_102_444_800_000, 1_700_000_000_123],
];

describe('project export', () => {
  // More items than three pages on either store (SQLite 1,000 a page, PostgreSQL 2,000), with
  // another project's items in between so the project's ids are not contiguous.
  const FIRST = 2_500;
  const SECOND = 2_101;
  let projectId: number;
  let itemIds: number[];

  beforeAll(async () => {
    projectId = await buildProject(h, manager);
    const other = await buildProject(h, manager);
    const itemSpecs = (n: number, from: number): ItemSpec[] =>
      Array.from({ length: n }, (_, i) => ({
        ...((from + i) % 3 === 0
          ? {}
          : { id: `ext-${from + i}${(from + i) % 7 === 0 ? ' "quoted" é ✓ \u0001' : ''}` }),
        priority: (from + i) % 5,
        text: `item ${from + i} ${(from + i) % 11 === 0 ? 'ünïcödé 😀 "q" \\ \n' : ''}`,
      }));
    itemIds = await importItems(h.verity, manager, projectId, itemSpecs(FIRST, 0));
    const otherIds = await importItems(h.verity, manager, other, itemSpecs(300, 10_000));
    itemIds = await importItems(h.verity, manager, projectId, itemSpecs(SECOND, FIRST));
    expect(itemIds).toHaveLength(FIRST + SECOND);

    const annotators = [
      await seedUser(h.verity, 'annotator'),
      await seedUser(h.verity, 'annotator'),
      await seedUser(h.verity, 'annotator'),
    ];
    const db = h.verity.store.db;
    const external = await insertUser(db, {
      email: null,
      name: 'External "vendor" ✓',
      role: 'annotator',
      passwordHash: null,
      external: true,
    });
    const userIds = [...annotators.map((a) => a.id), external.id];
    // Users round by round, so one item's annotation ids are not contiguous; every fourth item
    // has none, the rest one to four, drafts among them.
    const specs: AnnotationSpec[] = [];
    for (let round = 0; round < userIds.length; round++) {
      for (const [k, itemId] of itemIds.entries()) {
        if (k % 4 === 3 || round > k % 5) continue;
        specs.push({
          itemId,
          userId: userIds[round]!,
          status: (k + round) % 6 === 0 ? 'draft' : 'submitted',
          answers: { topic: 'algebra', k, note: round === 3 ? 'ü "x" \\' : null },
          times: TIMES[(k + round) % TIMES.length]!,
        });
      }
    }
    await annotate(projectId, specs);
    // Two skippers, so one item's skips are not contiguous either; reasons with quotes, none, and
    // characters to escape.
    const skippers = [(await seedUser(h.verity, 'annotator')).id, external.id];
    const reasons = ['unclear "wording" é', null, 'line\nbreak \u0001 \\'];
    const skipSpecs: [number, number, string | null, number][] = [];
    for (const [round, userId] of skippers.entries()) {
      for (const [k, itemId] of itemIds.entries()) {
        // The second skipper (external) only where nobody annotated, as a skip and an annotation
        // of one person never share an item.
        if (k % 9 !== 0 || (round === 1 && k % 4 !== 3)) continue;
        skipSpecs.push([itemId, userId, reasons[(k + round) % 3] ?? null, TIMES[k % TIMES.length]![0]]);
      }
    }
    await skipItems(projectId, skipSpecs);
    await annotate(other, [
      {
        itemId: otherIds[0]!,
        userId: userIds[0]!,
        status: 'submitted',
        answers: { topic: 'geometry' },
        times: TIMES[0]!,
      },
    ]);
  });

  it('writes every item once, in id order, with its annotations, byte for byte as the format says', async () => {
    const text = await exportText(projectId);
    expect(text).toBe(await expectedExport(projectId));
    const lines = text
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(itemIds);
    expect(lines.filter((l) => l.annotations.length === 0).length).toBeGreaterThan(1000);
    expect(lines.filter((l) => l.skips.length === 2).length).toBeGreaterThan(50);
    expect(lines.filter((l) => l.skips.length === 0).length).toBeGreaterThan(3000);
    expect(
      lines.some((l) =>
        l.annotations.some((a: { annotator: string }) => a.annotator === 'External "vendor" ✓'),
      ),
    ).toBe(true);
  });

  it('ends cleanly when the last page is full, and writes nothing for a project without items', async () => {
    const full = await buildProject(h, manager);
    await importItems(
      h.verity,
      manager,
      full,
      Array.from({ length: 4_000 }, () => ({})),
    );
    const text = await exportText(full);
    expect(text.split('\n')).toHaveLength(4_001);
    expect(text).toBe(await expectedExport(full));
    expect(await exportText(await buildProject(h, manager))).toBe('');
  });

  it('never reads rows another request has not committed', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const rolledBack = writeTransaction(h.verity.store, async (tx) => {
      await tx
        .insertInto('items')
        .values({
          projectId,
          externalId: 'uncommitted',
          data: '{}',
          meta: '{}',
          priority: 0,
          rand: 0,
          slotsLeft: 1,
          submittedCount: 0,
          createdAt: Date.now(),
        })
        .execute();
      await held;
      throw new Error('roll back');
    }).catch(() => undefined);
    // Past the access check already, as an export that was running when the write began.
    const exported = readAll(exportChunks(h.verity.store, projectId));
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    await rolledBack;
    expect(await exported).not.toContain('uncommitted');
  });

  it('gives its connection back when the reader stops early', async () => {
    const chunks = exportChunks(h.verity.store, projectId);
    const first = await chunks.next();
    expect(first.done).toBe(false);
    await chunks.return(undefined);
    const store = h.verity.store;
    if (store.kind === 'postgres') expect(store.pool.totalCount - store.pool.idleCount).toBe(0);
    expect(await exportText(projectId)).toBe(await expectedExport(projectId));
  });
});
