import { Readable } from 'node:stream';
import type { z } from 'zod';
import {
  AUDIT_CSV_HEADER,
  type AuditEntry,
  type AuditExportQuery,
  type AuditFilters,
  type AuditQuery,
} from '../../core/api/audit.ts';
import { csvDocument } from '../../core/csv.ts';
import { type AppContext, type Caller, iso } from '../context.ts';
import { writeTransaction } from '../db/transaction.ts';
import { AppError, forbidden } from '../http/errors.ts';
import type { StreamedFile } from '../http/register.ts';
import { appendAudit } from './audit.repository.ts';
import {
  type AuditKey,
  type AuditRow,
  type AuditScope,
  auditPage,
  managedProjectIds,
} from './audit-read.repository.ts';

/**
 * Who reads what (docs/audit.md, "Who reads it"): admins every entry; managers the entries of any
 * project; anyone else the entries of the projects they manage by membership, and nothing at all
 * (403) when they manage none. Entries without a project (accounts, tokens, model connections)
 * are for admins only.
 */
async function scopeOf(ctx: AppContext, caller: Caller): Promise<AuditScope> {
  if (caller.role === 'admin') return { all: true };
  if (caller.role === 'manager') return { all: false, projects: 'any' };
  const projects = await managedProjectIds(ctx.store.db, caller.id);
  if (projects.length === 0) throw forbidden('Only admins and project managers read the audit log.');
  return { all: false, projects };
}

const parse = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

export const toAuditEntry = (r: AuditRow): AuditEntry => ({
  id: r.id,
  at: iso(r.at),
  actorId: r.actorId,
  actor: r.actorLabel,
  action: r.action,
  targetType: r.targetType,
  targetId: r.targetId,
  targetEmail: r.targetEmail,
  projectId: r.projectId,
  before: parse(r.before),
  after: parse(r.after),
});

const encodeKey = (k: AuditKey): string => Buffer.from(`a${k.at}.${k.id}`).toString('base64url');

function decodeKey(cursor: string | undefined): AuditKey | null {
  if (cursor === undefined) return null;
  const m = /^a(\d+)\.(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!m) {
    const message = 'not a cursor this server issued';
    throw new AppError('VALIDATION_FAILED', `query.cursor: ${message}`, [{ path: 'query.cursor', message }]);
  }
  return { at: Number(m[1]), id: Number(m[2]) };
}

/** A page of the log, newest first; `nextCursor` continues it. */
export async function listAudit(
  ctx: AppContext,
  caller: Caller,
  query: z.output<typeof AuditQuery>,
): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
  const scope = await scopeOf(ctx, caller);
  const { cursor, limit, ...filters } = query;
  const rows = await auditPage(ctx.store.db, filters, scope, decodeKey(cursor), limit + 1);
  const shown = rows.slice(0, limit);
  const last = shown[shown.length - 1];
  return {
    items: shown.map(toAuditEntry),
    nextCursor: rows.length > limit && last ? encodeKey(last) : null,
  };
}

/** The filters as an entry records them: instants as ISO text, unset ones left out. */
export function filtersForEntry(filters: AuditFilters): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(filters)) {
    if (v === undefined) continue;
    out[k] = (k === 'since' || k === 'until') && typeof v === 'number' ? iso(v) : v;
  }
  return out;
}

/**
 * Records an export as it starts (docs/audit.md, "Exports"): who exported what, in which format,
 * with which filters; never its content. Its own transaction, committed before the first byte
 * goes out, so an export the client breaks off is recorded too.
 */
export async function recordExport(
  ctx: AppContext,
  caller: Caller,
  what: { action: string; targetType: string; targetId?: number | null; projectId?: number | null },
  format: string,
  filters: Record<string, unknown>,
): Promise<void> {
  const { action, targetType, targetId = null, projectId = null } = what;
  await writeTransaction(ctx.store, (tx) =>
    appendAudit(
      tx,
      caller,
      { action, targetType, targetId, projectId, after: { format, filters } },
      ctx.clock(),
    ),
  );
}

const PAGE = 1000;

/** The filtered log, newest first, as JSON lines or CSV, read a page at a time. */
export async function exportAudit(
  ctx: AppContext,
  caller: Caller,
  query: z.output<typeof AuditExportQuery>,
): Promise<StreamedFile> {
  const scope = await scopeOf(ctx, caller);
  const { format, ...filters } = query;
  await recordExport(
    ctx,
    caller,
    { action: 'export.audit', targetType: 'audit' },
    format,
    filtersForEntry(filters),
  );
  const db = ctx.store.db;
  async function* chunks(): AsyncGenerator<Buffer> {
    if (format === 'csv') yield Buffer.from(csvDocument([[...AUDIT_CSV_HEADER]]));
    let after: AuditKey | null = null;
    for (;;) {
      const rows = await auditPage(db, filters, scope, after, PAGE);
      if (rows.length === 0) return;
      const entries = rows.map(toAuditEntry);
      yield Buffer.from(
        format === 'csv'
          ? csvDocument(entries.map(csvRow))
          : entries.map((e) => `${JSON.stringify(e)}\n`).join(''),
      );
      if (rows.length < PAGE) return;
      after = rows[rows.length - 1]!;
    }
  }
  return { body: Readable.from(chunks()), kind: format, fileName: `audit.${format}` };
}

const json = (v: unknown): string => (v === null || v === undefined ? '' : JSON.stringify(v));

const csvRow = (e: AuditEntry): (string | number)[] => [
  e.id,
  e.at,
  e.actorId ?? '',
  e.actor ?? '',
  e.action,
  e.targetType,
  e.targetId ?? '',
  e.targetEmail ?? '',
  e.projectId ?? '',
  json(e.before),
  json(e.after),
];
