import type { AppContext } from '../context.ts';
import type { Handlers } from '../http/register.ts';
import { exportAudit, listAudit } from './audit.service.ts';

export const auditHandlers = (ctx: AppContext) =>
  ({
    listAudit: ({ caller, query }) => listAudit(ctx, caller, query),
    exportAudit: ({ caller, query }) => exportAudit(ctx, caller, query),
  }) satisfies Partial<Handlers>;
