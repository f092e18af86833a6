import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InterfaceDefinition } from '../../core/interface/index.ts';
import { writeTransaction } from '../db/transaction.ts';
import {
  type AnnotationSpec,
  annotate as annotateIn,
  type ExpectedFilters,
  expectedExport as expectedIn,
  skipItems as skipIn,
} from '../testing/export-fixtures.ts';
import { buildProject, type ItemSpec, importItems, seedUser } from '../testing/factories.ts';
import { type Harness, sampleInterface, startHarness, type TestUser } from '../testing/harness.ts';
import { insertUser } from '../users/users.repository.ts';
import { exportBinding } from './export-binding.ts';
import { exportChunks } from './exports.service.ts';

let h: Harness;
let manager: TestUser;
beforeAll(async () => {
  h = await startHarness();
  manager = await seedUser(h.verity, 'manager');
});
afterAll(async () => h.close());

const expectedExport = (projectId: number) => expectedIn(h.verity, projectId);
const annotate = (projectId: number, specs: AnnotationSpec[]) => annotateIn(h.verity, projectId, specs);
const skipItems = (projectId: number, specs: Parameters<typeof skipIn>[2]) =>
  skipIn(h.verity, projectId, specs);
const chunksOf = (projectId: number) =>
  exportChunks(h.verity.store, exportBinding(projectId, 1, {}), sampleInterface as InterfaceDefinition);

const exportText = async (projectId: number): Promise<string> => {
  const res = await h.call(manager, 'GET', `/api/projects/${projectId}/export?format=jsonl`);
  expect(res.status).toBe(200);
  return String(res.body);
};

async function readAll(chunks: AsyncIterable<Buffer>): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts).toString('utf8');
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

  it('writes exactly the filtered lines across pages, however the filters narrow the items', async () => {
    const iso = (ms: number) => new Date(ms).toISOString();
    const some = itemIds.filter((_, k) => k % 5 === 1).slice(0, 1000);
    const cases: [string, ExpectedFilters][] = [
      ['submitted=only', { submittedOnly: true }],
      ['complete=only', { completeOnly: true }],
      [
        `from=${iso(1_700_000_000_000)}&to=${iso(1_764_400_001_000)}`,
        { from: 1_700_000_000_000, to: 1_764_400_001_000 },
      ],
      [`ids=${some.join(',')}`, { ids: some }],
      [
        `submitted=only&complete=only&from=${iso(951_782_400_000)}`,
        { submittedOnly: true, completeOnly: true, from: 951_782_400_000 },
      ],
    ];
    for (const [query, filters] of cases) {
      const res = await h.call(manager, 'GET', `/api/projects/${projectId}/export?${query}`);
      expect(res.status, query).toBe(200);
      const text = String(res.body);
      expect(text, query).toBe(await expectedIn(h.verity, projectId, filters));
      expect(text.split('\n').length, query).toBeGreaterThan(100);
    }
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
    const exported = readAll(chunksOf(projectId));
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    await rolledBack;
    expect(await exported).not.toContain('uncommitted');
  });

  it('gives its connection back when the reader stops early', async () => {
    const chunks = chunksOf(projectId);
    const first = await chunks.next();
    expect(first.done).toBe(false);
    await chunks.return(undefined);
    const store = h.verity.store;
    if (store.kind === 'postgres') expect(store.pool.totalCount - store.pool.idleCount).toBe(0);
    expect(await exportText(projectId)).toBe(await expectedExport(projectId));
  });
});
