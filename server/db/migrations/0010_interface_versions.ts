import { type Kysely, sql } from 'kysely';
import type { StoreKind } from '../store.ts';

/**
 * Interfaces that change after launch (docs/data-model.md, "Interface versions"): every version of
 * a project's interface is kept in `interface_versions`; the projects row keeps the current one
 * (`interface`, `interface_version`); annotations and their revisions record the version their
 * answers were written under. Every existing project, annotation and revision is at version 1.
 */
export async function up(db: Kysely<unknown>, kind: StoreKind): Promise<void> {
  const big = kind === 'postgres' ? 'bigint' : 'integer';
  const statements = [
    `create table interface_versions (
      project_id ${big} not null references projects(id), version integer not null,
      interface text not null, created_by ${big} not null references users(id), created_at ${big} not null,
      primary key (project_id, version))`,
    `alter table projects add column interface_version integer not null default 1`,
    `alter table annotations add column interface_version integer not null default 1`,
    `alter table annotation_revisions add column interface_version integer not null default 1`,
    `insert into interface_versions (project_id, version, interface, created_by, created_at)
      select id, 1, interface, created_by, created_at from projects`,
  ];
  for (const s of statements) await sql.raw(s).execute(db);
}
