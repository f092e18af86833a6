import { type Kysely, sql } from 'kysely';
import type { StoreKind } from '../store.ts';

/**
 * Which suggestion an annotator is shown (docs/suggestions.md): `suggestions_mode` 'off', 'agent'
 * (the predictions of `suggestions_agent`) or 'best' (the highest-scored prediction of the item,
 * ties by agent name; the default, so imported predictions are used until a manager says
 * otherwise). An index on annotations by suggested agent keeps the acceptance statistics short.
 */
export async function up(db: Kysely<unknown>, _kind: StoreKind): Promise<void> {
  const stmts = [
    `alter table projects add column suggestions_mode text not null default 'best'
      check (suggestions_mode in ('off','agent','best'))`,
    'alter table projects add column suggestions_agent text',
    `create index annotations_suggested on annotations (project_id, suggested_by)
      where suggested_by is not null`,
  ];
  for (const s of stmts) await sql.raw(s).execute(db);
}
