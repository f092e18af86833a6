import type { AppContext } from '../context.ts';
import type { Handlers } from '../http/register.ts';
import * as roster from './roster.service.ts';

export const rosterHandlers = (ctx: AppContext) =>
  ({
    roster: ({ caller, query }) => roster.roster(ctx, caller, query),
    rosterCsv: ({ caller, query }) => roster.rosterCsv(ctx, caller, query),
  }) satisfies Partial<Handlers>;
