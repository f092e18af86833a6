import { type Kysely, sql } from 'kysely';
import type { StoreKind } from '../store.ts';

/**
 * Adjudication (docs/quality.md, "Adjudication"; server/adjudication/):
 * - `projects.adjudication`: the setting as JSON text; null: off;
 * - `adjudications`: one row per disputed item, written in the submit transaction when the item's
 *   score passes the setting, with the score it entered on, the adjudicator's claim (like a
 *   review's) and, once decided, the final answers (JSON text, apart from the annotations), who
 *   decided, when, and their note. The queue reads the undecided rows in order (project, entered,
 *   item), an adjudicator's held claim by (claimed_by, project), the decided ones by (project,
 *   decided); the export reads a decided row by its item (the primary key).
 */
export async function up(db: Kysely<unknown>, kind: StoreKind): Promise<void> {
  const big = kind === 'postgres' ? 'bigint' : 'integer';
  const real = kind === 'postgres' ? 'double precision' : 'real';
  const stmts = [
    'alter table projects add column adjudication text',
    `create table adjudications (
      item_id ${big} primary key references items(id) on delete cascade,
      project_id ${big} not null, disagreement ${real}, confidence ${real},
      entered_at ${big} not null, claimed_by ${big}, claim_expires_at ${big},
      answers text, adjudicator_id ${big}, decided_at ${big}, note text)`,
    'create index adjudications_queue on adjudications (project_id, entered_at, item_id) where decided_at is null',
    'create index adjudications_claims on adjudications (claimed_by, project_id) where decided_at is null',
    'create index adjudications_decided on adjudications (project_id, decided_at)',
  ];
  for (const s of stmts) await sql.raw(s).execute(db);
}
