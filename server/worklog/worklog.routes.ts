import type { AppContext } from '../context.ts';
import type { Handlers } from '../http/register.ts';
import * as worklog from './worklog.service.ts';

export const worklogHandlers = (ctx: AppContext) =>
  ({
    worklog: ({ caller, query }) => worklog.worklog(ctx, caller, query),
    worklogCsv: ({ caller, query }) => worklog.worklogCsv(ctx, caller, query),
  }) satisfies Partial<Handlers>;
