import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTransaction } from '../db/transaction.ts';
import { buildTeam, importItems, next, skip, submit, validAnswers } from '../testing/factories.ts';
import { type Harness, startHarness } from '../testing/harness.ts';
import { readHeldOrCursor } from './claim-cursors.repository.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

const cursorOf = (projectId: number, userId: number) =>
  h.verity.store.db
    .selectFrom('claimCursors')
    .select(['sortKey', 'itemId'])
    .where('projectId', '=', projectId)
    .where('userId', '=', userId)
    .executeTakeFirst();

/** Claims and submits `rounds` items in a row; returns the claimed item ids. */
async function work(projectId: number, who: Parameters<typeof next>[1], rounds: number): Promise<number[]> {
  const ids: number[] = [];
  for (let k = 0; k < rounds; k++) {
    const res = await next(h, who, projectId);
    expect(res.status).toBe(200);
    ids.push(res.body.item.id);
    expect((await submit(h, who, res.body.assignment.id, validAnswers)).status).toBe(200);
  }
  return ids;
}

describe('claim cursors', () => {
  it('follow an annotator working alone, who keeps getting the items in order', async () => {
    const team = await buildTeam(h, { items: 30, annotators: 1, overlap: 3 });
    const [ada] = team.annotators;
    expect(await work(team.projectId, ada!, 20)).toEqual(team.itemIds.slice(0, 20));
    // Every item Ada did still has two slots open; her cursor stands at the last one.
    expect(await cursorOf(team.projectId, ada!.id)).toEqual({ sortKey: 0, itemId: team.itemIds[19] });
    // ... which her next search reads back, until something voids it.
    const read = () =>
      writeTransaction(h.verity.store, (tx) => readHeldOrCursor(tx, team.projectId, ada!.id));
    expect(await read()).toMatchObject({ held: undefined, after: { sortKey: 0, itemId: team.itemIds[19] } });
    const res = await next(h, ada!, team.projectId);
    expect((await read()).held?.id).toBe(res.body.assignment.id);
    expect((await skip(h, ada!, res.body.assignment.id)).status).toBe(200);
    expect((await read()).after).toBeUndefined();
  });

  it('give way to items imported later that come first: a higher priority', async () => {
    const team = await buildTeam(h, { items: 10, annotators: 1, overlap: 3 });
    const [ada] = team.annotators;
    await work(team.projectId, ada!, 5);
    const all = await importItems(h.verity, team.manager, team.projectId, [{ priority: 5 }, { priority: 0 }]);
    const urgent = all[10]!;
    const res = await next(h, ada!, team.projectId);
    expect(res.body.item.id).toBe(urgent);
  });

  it('give way to items imported later that come first: random keys', async () => {
    const team = await buildTeam(h, { items: 40, annotators: 1, overlap: 3, itemOrder: 'random' });
    const [ada] = team.annotators;
    await work(team.projectId, ada!, 20);
    await importItems(
      h.verity,
      team.manager,
      team.projectId,
      Array.from({ length: 40 }, () => ({})),
    );
    // What the order says comes next: the smallest key among the items Ada has not touched.
    for (let k = 0; k < 10; k++) {
      const touched = await h.verity.store.db
        .selectFrom('assignments')
        .select('itemId')
        .where('userId', '=', ada!.id)
        .execute();
      const done = new Set(touched.map((t) => t.itemId));
      const open = await h.verity.store.db
        .selectFrom('items')
        .select(['id', 'rand'])
        .where('projectId', '=', team.projectId)
        .orderBy('rand')
        .orderBy('id')
        .execute();
      const expected = open.find((i) => !done.has(i.id))!.id;
      const res = await next(h, ada!, team.projectId);
      expect(res.body.item.id).toBe(expected);
      await submit(h, ada!, res.body.assignment.id, validAnswers);
    }
  });

  it('start over when the project switches order', async () => {
    const team = await buildTeam(h, { items: 20, annotators: 1, overlap: 3 });
    const [ada] = team.annotators;
    await work(team.projectId, ada!, 5);
    const res = await h.call(team.manager, 'PATCH', `/api/projects/${team.projectId}`, {
      itemOrder: 'random',
    });
    expect(res.status).toBe(200);
    const keys = await h.verity.store.db
      .selectFrom('items')
      .select(['id', 'rand'])
      .where('projectId', '=', team.projectId)
      .where('id', 'not in', team.itemIds.slice(0, 5))
      .orderBy('rand')
      .orderBy('id')
      .execute();
    expect((await next(h, ada!, team.projectId)).body.item.id).toBe(keys[0]!.id);
  });
});
