import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../db/migrate.ts';
import { buildTeam, postItems } from '../testing/factories.ts';
import { type Harness, startHarness } from '../testing/harness.ts';

/** Migration 0023 gives the items a store already holds their disagreement score (0022 left it null). */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

const iface = {
  fields: [{ name: 'text', type: 'text' }],
  questions: [{ name: 'topic', type: 'choice', options: ['algebra', 'geometry'] }],
};

const line = (id: string, topics: string[]) => ({
  id,
  data: { text: id },
  annotations: topics.map((topic, k) => ({ annotator: `Expert ${k} (external)`, answers: { topic } })),
});

describe('migration 0023', () => {
  it('scores the items with two or more human answers', async () => {
    const team = await buildTeam(h, { items: 0, annotators: 0, overlap: 2, interface: iface });
    await postItems(h.verity, team.manager, team.projectId, [
      line('agree', ['algebra', 'algebra']),
      line('split', ['algebra', 'geometry']),
      line('single', ['geometry']),
    ]);
    const { db, kind } = h.verity.store;
    const scores = async () =>
      (
        await db
          .selectFrom('items')
          .select(['externalId', 'disagreement'])
          .where('projectId', '=', team.projectId)
          .orderBy('id')
          .execute()
      ).map((r) => [r.externalId, r.disagreement === null ? null : Number(r.disagreement)]);
    const expected = [
      ['agree', 0],
      ['split', 1],
      ['single', null],
    ];
    expect(await scores()).toEqual(expected);
    // Back to the schema before 0023, every score null as 0022 left them, then migrate again.
    await db
      .updateTable('items')
      .set({ disagreement: null })
      .where('projectId', '=', team.projectId)
      .execute();
    await sql`drop index items_disagreement_sort`.execute(db);
    await sql`alter table items drop column target`.execute(db);
    await sql`alter table projects drop column adaptive_overlap`.execute(db);
    await sql`delete from verity_migrations where name = '0023_adaptive_overlap'`.execute(db);
    expect(await migrateToLatest(db as never, kind)).toEqual(['0023_adaptive_overlap']);
    expect(await scores()).toEqual(expected);
  });
});
