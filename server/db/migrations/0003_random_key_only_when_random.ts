import { type Kysely, sql } from 'kysely';

/**
 * The random-order index takes rows only from random-order projects. Its keys land at random
 * places in the tree, so maintaining it for every imported item tripled the cost of a large
 * import into a sequential project, which never reads it. From here `rand` is 0 in sequential
 * projects and drawn from 1..2^31−1 in random ones (see drawRandomKeys for a switch of order).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop index items_open_rand`.execute(db);
  await sql`update items set rand = 0 where project_id in (select id from projects where item_order <> 'random')`.execute(
    db,
  );
  await sql`update items set rand = 1 where rand = 0 and project_id in (select id from projects where item_order = 'random')`.execute(
    db,
  );
  await sql`create index items_open_rand on items (project_id, rand) where slots_left > 0 and rand > 0`.execute(
    db,
  );
}
