import { type Kysely, sql } from 'kysely';
import { itemSearchText } from '../../../core/search-words.ts';
import type { StoreKind } from '../store.ts';

/**
 * Item search and the list's sorts (docs/data-model.md, "Searching items").
 *
 * The words an item is found by are made by core/search-words.ts on both stores. SQLite keeps them
 * in a contentless FTS5 table keyed by item id (the `ascii` tokenizer splits only at the spaces
 * between the folded words, so it indexes exactly them; `detail=none`: no phrase search, the
 * smallest index; prefix indexes of 2 and 3 characters, so the first letters typed of a word find
 * their items without merging every word they begin), emptied of a deleted item by a trigger. PostgreSQL keeps them in a tsvector
 * column of `items` with a GIN index, which a deleted row takes with it. Existing items are
 * indexed here.
 *
 * The sorts by priority and by externalId read indexes of their own, so a page costs the same at
 * any depth; externalId sorts as text by code point (PostgreSQL: collation "C"), items without one
 * first, as ''.
 */
export async function up(db: Kysely<unknown>, kind: StoreKind): Promise<void> {
  if (kind === 'sqlite') {
    await sql`create virtual table items_search using fts5(words, content='', contentless_delete=1, detail=none, tokenize='ascii', prefix='2 3')`.execute(
      db,
    );
    await sql`create trigger items_search_delete after delete on items begin
      delete from items_search where rowid = old.id; end`.execute(db);
    await sql`create index items_project_external_sort on items (project_id, coalesce(external_id, ''), id)`.execute(
      db,
    );
  } else {
    await sql`alter table items add column search_words tsvector`.execute(db);
    await sql`create index items_project_external_sort on items (project_id, (coalesce(external_id, '') collate "C"), id)`.execute(
      db,
    );
  }
  await sql`create index items_project_priority on items (project_id, priority, id)`.execute(db);
  await indexExistingItems(db, kind);
  if (kind === 'postgres') {
    await sql`create index items_search on items using gin (search_words)`.execute(db);
  }
}

const BATCH = 1000;

async function indexExistingItems(db: Kysely<unknown>, kind: StoreKind): Promise<void> {
  let after = 0;
  for (;;) {
    const { rows } = await sql<{ id: number; externalId: string | null; data: string }>`
      select id, external_id, data from items where id > ${after} order by id limit ${BATCH}`.execute(db);
    if (rows.length === 0) return;
    const words = rows.map((r) => [Number(r.id), itemSearchText(JSON.parse(r.data), r.externalId)] as const);
    if (kind === 'sqlite') {
      const values = sql.join(words.map(([id, w]) => sql`(${id}, ${w})`));
      await sql`insert into items_search (rowid, words) values ${values}`.execute(db);
    } else {
      await sql`update items set search_words = t.words::tsvector
        from unnest(${words.map(([id]) => id)}::bigint[], ${words.map(([, w]) => w)}::text[]) as t(id, words)
        where items.id = t.id`.execute(db);
    }
    after = Number(rows[rows.length - 1]!.id);
  }
}
