import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../db/migrate.ts';
import { buildTeam, type Team } from '../testing/factories.ts';
import { type Harness, startHarness } from '../testing/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

describe('migration 0009', () => {
  let team: Team;
  beforeAll(async () => {
    team = await buildTeam(h, {
      items: [{ text: 'Ancient manuscript' }, { text: 'Modern café' }],
      annotators: 0,
    });
  });

  it('indexes the items a store already holds', async () => {
    // Back to the schema before 0009, with the items still there, then migrate again.
    const { db, kind } = h.verity.store;
    if (kind === 'sqlite') {
      await sql`drop trigger items_search_delete`.execute(db);
      await sql`drop table items_search`.execute(db);
    } else {
      await sql`drop index items_search`.execute(db);
      await sql`alter table items drop column search_words`.execute(db);
    }
    await sql`drop index items_project_external_sort`.execute(db);
    await sql`drop index items_project_priority`.execute(db);
    await sql`delete from verity_migrations where name = '0009_item_search'`.execute(db);
    expect(await migrateToLatest(db as never, kind)).toEqual(['0009_item_search']);
    const search = async (q: string) => {
      const res = await h.call(team.manager, 'GET', `/api/projects/${team.projectId}/items?q=${q}`);
      expect(res.status).toBe(200);
      return res.body.items.map((i: { id: number }) => i.id);
    };
    expect(await search('manuscript')).toEqual([team.itemIds[0]]);
    expect(await search('cafe')).toEqual([team.itemIds[1]]);
    expect(await search('factory')).toEqual(team.itemIds);
  });
});
