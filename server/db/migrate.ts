import { type Kysely, sql } from 'kysely';
import * as m0001 from './migrations/0001_init.ts';
import * as m0002 from './migrations/0002_export_index.ts';
import * as m0003 from './migrations/0003_random_key_only_when_random.ts';
import * as m0004 from './migrations/0004_claim_cursors.ts';
import * as m0005 from './migrations/0005_sign_in_throttle.ts';
import * as m0006 from './migrations/0006_import_authorship_and_invitations.ts';
import * as m0007 from './migrations/0007_password_resets.ts';
import * as m0008 from './migrations/0008_skips_index.ts';
import * as m0009 from './migrations/0009_item_search.ts';
import * as m0010 from './migrations/0010_interface_versions.ts';
import * as m0011 from './migrations/0011_annotation_edited_at.ts';
import * as m0012 from './migrations/0012_annotation_stats_index.ts';
import * as m0013 from './migrations/0013_annotation_shown_signals.ts';
import * as m0014 from './migrations/0014_setup_token.ts';
import * as m0015 from './migrations/0015_models_jobs.ts';
import * as m0016 from './migrations/0016_live_connection.ts';
import * as m0017 from './migrations/0017_project_suggestions.ts';
import * as m0018 from './migrations/0018_model_accounts.ts';
import * as m0019 from './migrations/0019_generation.ts';
import * as m0020 from './migrations/0020_gold.ts';
import * as m0021 from './migrations/0021_review.ts';
import * as m0022 from './migrations/0022_item_disagreement.ts';
import * as m0023 from './migrations/0023_adaptive_overlap.ts';
import * as m0025 from './migrations/0025_judge_in_consensus.ts';
import * as m0026 from './migrations/0026_adjudication.ts';
import * as m0027 from './migrations/0027_sso_identities.ts';
import * as m0028 from './migrations/0028_user_contracts.ts';
import * as m0029 from './migrations/0029_pay_rate.ts';
import * as m0030 from './migrations/0030_skills_audit.ts';
import * as m0031 from './migrations/0031_skill_routing.ts';
import * as m0032 from './migrations/0032_assessments.ts';
import * as m0033 from './migrations/0033_invite_links.ts';
import * as m0034 from './migrations/0034_media.ts';
import * as m0035 from './migrations/0035_media_peaks.ts';
import type { StoreKind } from './store.ts';

interface Migration {
  name: string;
  up(db: Kysely<unknown>, kind: StoreKind): Promise<void>;
}

/** Ordered; a migration once released is never edited, only followed by another. */
const migrations: Migration[] = [
  { name: '0001_init', ...m0001 },
  { name: '0002_export_index', ...m0002 },
  { name: '0003_random_key_only_when_random', ...m0003 },
  { name: '0004_claim_cursors', ...m0004 },
  { name: '0005_sign_in_throttle', ...m0005 },
  { name: '0006_import_authorship_and_invitations', ...m0006 },
  { name: '0007_password_resets', ...m0007 },
  { name: '0008_skips_index', ...m0008 },
  { name: '0009_item_search', ...m0009 },
  { name: '0010_interface_versions', ...m0010 },
  { name: '0011_annotation_edited_at', ...m0011 },
  { name: '0012_annotation_stats_index', ...m0012 },
  { name: '0013_annotation_shown_signals', ...m0013 },
  { name: '0014_setup_token', ...m0014 },
  { name: '0015_models_jobs', ...m0015 },
  { name: '0016_live_connection', ...m0016 },
  { name: '0017_project_suggestions', ...m0017 },
  { name: '0018_model_accounts', ...m0018 },
  { name: '0019_generation', ...m0019 },
  { name: '0020_gold', ...m0020 },
  { name: '0021_review', ...m0021 },
  { name: '0022_item_disagreement', ...m0022 },
  { name: '0023_adaptive_overlap', ...m0023 },
  { name: '0025_judge_in_consensus', ...m0025 },
  { name: '0026_adjudication', ...m0026 },
  { name: '0027_sso_identities', ...m0027 },
  { name: '0028_user_contracts', ...m0028 },
  { name: '0029_pay_rate', ...m0029 },
  { name: '0030_skills_audit', ...m0030 },
  { name: '0031_skill_routing', ...m0031 },
  { name: '0032_assessments', ...m0032 },
  { name: '0033_invite_links', ...m0033 },
  { name: '0034_media', ...m0034 },
  { name: '0035_media_peaks', ...m0035 },
];

/**
 * Applies pending migrations, each in its own transaction. On PostgreSQL an advisory lock
 * keeps several server processes starting at once from migrating twice.
 */
export async function migrateToLatest(db: Kysely<unknown>, kind: StoreKind): Promise<string[]> {
  return db.transaction().execute(async (tx) => {
    if (kind === 'postgres') await sql`select pg_advisory_xact_lock(7265727479)`.execute(tx);
    await sql`create table if not exists verity_migrations (name text primary key, applied_at bigint not null)`.execute(
      tx,
    );
    const done = await sql<{ name: string }>`select name from verity_migrations`.execute(tx);
    const applied = new Set(done.rows.map((r) => r.name));
    const ran: string[] = [];
    for (const m of migrations) {
      if (applied.has(m.name)) continue;
      await m.up(tx, kind);
      await sql`insert into verity_migrations (name, applied_at) values (${m.name}, ${Date.now()})`.execute(
        tx,
      );
      ran.push(m.name);
    }
    return ran;
  });
}
