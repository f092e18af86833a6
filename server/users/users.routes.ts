import type { AppContext } from '../context.ts';
import type { Handlers } from '../http/register.ts';
import * as users from './users.service.ts';

export const userHandlers = (ctx: AppContext) =>
  ({
    listUsers: ({ caller, query }) => users.pageUsers(ctx, caller, query),
    createUser: ({ caller, body }) => users.createUser(ctx, caller, body),
    updateUser: ({ caller, params, body }) => users.updateUser(ctx, caller, params.userId, body),
  }) satisfies Partial<Handlers>;
