import type { AppContext } from '../context.ts';
import type { Handlers } from '../http/register.ts';
import * as auth from './auth.service.ts';
import { resetPassword } from './password-reset.service.ts';

export const authHandlers = (ctx: AppContext) =>
  ({
    login: ({ body, req, reply }) => auth.login(ctx, body, req, reply),
    logout: ({ caller, reply }) => auth.logout(ctx, caller, reply),
    signOutEverywhere: ({ caller, reply }) => auth.signOutEverywhere(ctx, caller, reply),
    me: ({ caller }) => auth.me(ctx, caller),
    changePassword: ({ caller, body }) => auth.changePassword(ctx, caller, body),
    resetPassword: ({ body, req }) => resetPassword(ctx, body, req.ip),
    listTokens: ({ caller }) => auth.listTokens(ctx, caller),
    createToken: ({ caller, body }) => auth.createToken(ctx, caller.id, body.name, caller),
    revokeToken: ({ caller, params }) => auth.revokeToken(ctx, caller, params.tokenId),
  }) satisfies Partial<Handlers>;
