import { AuditEntry, AuditExportQuery, AuditQuery } from './audit.ts';
import { page } from './common.ts';
import { route } from './route.ts';

/**
 * The audit log (docs/audit.md): read and exported, never changed. Admins read every entry,
 * managers and project managers the entries of the projects they manage. There is, on purpose,
 * no PUT, PATCH or DELETE here (server/audit/audit-walk.test.ts checks it).
 */
export const auditRoutes = {
  listAudit: route({
    operationId: 'listAudit',
    method: 'GET',
    path: '/api/audit',
    summary: 'Audit log entries, newest first, filtered (admins: all; managers: their projects)',
    tag: 'audit',
    auth: 'user',
    query: AuditQuery,
    response: page(AuditEntry),
  }),
  exportAudit: route({
    operationId: 'exportAudit',
    method: 'GET',
    path: '/api/audit/export',
    summary: 'The filtered audit log as JSON lines or CSV, newest first, streamed',
    tag: 'audit',
    auth: 'user',
    query: AuditExportQuery,
    response: null,
    responseKind: 'file',
  }),
} as const;
