import { originOf } from '../auth/origin.ts';
import { createPasswordReset } from '../auth/password-reset.service.ts';
import type { AppContext } from '../context.ts';
import type { Handlers } from '../http/register.ts';
import { bulkUserStatus } from './user-status.service.ts';
import * as users from './users.service.ts';

export const userHandlers = (ctx: AppContext) =>
  ({
    listUsers: ({ caller, query }) => users.pageUsers(ctx, caller, query),
    createUser: ({ caller, body }) => users.createUser(ctx, caller, body),
    updateUser: ({ caller, params, body }) => users.updateUser(ctx, caller, params.userId, body),
    bulkUserStatus: ({ caller, body }) => bulkUserStatus(ctx, caller, body),
    createPasswordReset: ({ caller, params, req }) =>
      createPasswordReset(ctx, caller, params.userId, originOf(req, ctx.publicOrigin)),
  }) satisfies Partial<Handlers>;
