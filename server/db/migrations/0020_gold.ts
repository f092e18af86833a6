import { type Kysely, sql } from 'kysely';
import type { StoreKind } from '../store.ts';

/**
 * Gold items (docs/quality.md; server/gold/):
 * - `projects.gold`: the project's gold settings as JSON text (serving, the quality bar, scoring
 *   options per question); null: the defaults;
 * - `gold_items`: an item's gold answers, JSON text keyed by question name. A table of its own, so
 *   no statement that reads items for annotators can carry them. A gold item keeps no free slot
 *   (`slots_left` 0): it is served by its own selection, never by the ordinary claim;
 * - `gold_scores`: one row per (item, annotator, question) of a submitted gold answer: the score
 *   in [0, 1], or null while a reviewer's mark is awaited (free text), with its detail (parts);
 * - `gold_pauses`: an annotator paused on a project by the quality bar, until a manager lifts it.
 */
export async function up(db: Kysely<unknown>, kind: StoreKind): Promise<void> {
  const big = kind === 'postgres' ? 'bigint' : 'integer';
  const id = kind === 'postgres' ? 'bigserial primary key' : 'integer primary key autoincrement';
  const real = kind === 'postgres' ? 'double precision' : 'real';
  const stmts = [
    'alter table projects add column gold text',
    `create table gold_items (
      item_id ${big} primary key, project_id ${big} not null, answers text not null,
      created_at ${big} not null)`,
    'create index gold_items_project on gold_items (project_id, item_id)',
    `create table gold_scores (
      project_id ${big} not null, item_id ${big} not null, user_id ${big} not null,
      annotation_id ${big} not null, question text not null, score ${real}, detail text,
      scored_at ${big} not null, marked_by ${big}, marked_at ${big},
      primary key (item_id, user_id, question))`,
    'create index gold_scores_project_user on gold_scores (project_id, user_id, scored_at)',
    `create table gold_pauses (
      id ${id}, project_id ${big} not null, user_id ${big} not null, rule text not null,
      accuracy ${real} not null, scored ${big} not null, paused_at ${big} not null,
      lifted_by ${big}, lifted_at ${big})`,
    'create index gold_pauses_project_user on gold_pauses (project_id, user_id, paused_at)',
  ];
  for (const s of stmts) await sql.raw(s).execute(db);
}
