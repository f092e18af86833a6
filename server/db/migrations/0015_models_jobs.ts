import { type Kysely, sql } from 'kysely';
import type { StoreKind } from '../store.ts';

/**
 * Models in the loop (docs/models.md) and the durable jobs everything in the background runs on
 * (docs/jobs.md; server/jobs/):
 * - `model_connections`: an OpenAI-compatible endpoint an admin adds; the API key only encrypted
 *   (`api_key_sealed`, AES-256-GCM under a key derived from the server secret; never returned);
 * - `jobs` and `job_steps`: a job is a list of steps, each taken under a lease that its runner
 *   renews (heartbeat); a step whose lease ran out is taken again by any runner. `key` names the
 *   step's unit of work (e.g. `item:17:slot:2`), unique within its job, so a step is done once.
 *   `lane` groups steps that share a limit (a model connection's concurrency);
 * - `predictions`: suggested answers per item and agent (an import line's `predictions`, or a
 *   model's); `annotations.suggested_by` names the agent whose suggestion the annotator was shown;
 * - `users.model_connection_id`: set on the account a model judge answers as.
 */
export async function up(db: Kysely<unknown>, kind: StoreKind): Promise<void> {
  const big = kind === 'postgres' ? 'bigint' : 'integer';
  const id = kind === 'postgres' ? 'bigserial primary key' : 'integer primary key autoincrement';
  const real = kind === 'postgres' ? 'double precision' : 'real';
  const stmts = [
    `create table model_connections (
      id ${id}, name text not null unique, base_url text not null, model text not null,
      api_key_sealed text, params text not null default '{}',
      concurrency integer not null default 4 check (concurrency between 1 and 256),
      requests_per_minute integer check (requests_per_minute is null or requests_per_minute > 0),
      timeout_ms integer not null default 60000,
      allow_private_network integer not null default 0,
      created_by ${big} not null, created_at ${big} not null, updated_at ${big} not null)`,
    `create table jobs (
      id ${id}, kind text not null, project_id ${big},
      status text not null check (status in ('queued','running','succeeded','failed','cancelled')),
      params text not null default '{}', lane text,
      total_steps integer not null default 0, done_steps integer not null default 0,
      failed_steps integer not null default 0, error text,
      created_by ${big}, created_at ${big} not null, updated_at ${big} not null,
      started_at ${big}, finished_at ${big})`,
    'create index jobs_project on jobs (project_id, id)',
    `create index jobs_open on jobs (status, id) where status in ('queued','running')`,
    `create table job_steps (
      id ${id}, job_id ${big} not null, key text not null,
      status text not null check (status in ('pending','running','done','failed','cancelled')),
      lane text, attempts integer not null default 0, run_after ${big} not null default 0,
      lease_owner text, lease_expires_at ${big}, error text, result text,
      updated_at ${big} not null, unique (job_id, key))`,
    `create index job_steps_pending on job_steps (run_after, id) where status = 'pending'`,
    `create index job_steps_running on job_steps (lease_expires_at) where status = 'running'`,
    'create index job_steps_job on job_steps (job_id, status)',
    `create table predictions (
      id ${id}, project_id ${big} not null, item_id ${big} not null, agent text not null,
      score ${real}, answers text not null, source text not null check (source in ('import','model')),
      created_at ${big} not null, unique (item_id, agent))`,
    'create index predictions_project_agent on predictions (project_id, agent)',
    'alter table annotations add column suggested_by text',
    `alter table users add column model_connection_id ${big}`,
  ];
  for (const s of stmts) await sql.raw(s).execute(db);
}
