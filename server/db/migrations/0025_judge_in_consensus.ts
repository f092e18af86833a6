import { type Kysely, sql } from 'kysely';

/**
 * `projects.judge_in_consensus` (0/1, default 0): whether model judges' answers count in the
 * project's consensus (docs/quality.md, "The model judge against the experts"). Off, the
 * consensus is the people's only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table projects add column judge_in_consensus integer not null default 0`.execute(db);
}
