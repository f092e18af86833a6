import { originOf } from '../auth/origin.ts';
import type { AppContext } from '../context.ts';
import type { Handlers } from '../http/register.ts';
import { importUsers } from '../users/import.service.ts';
import { acceptInvite, previewInvite } from './accept.service.ts';
import { startInviteSso } from './invite-sso.ts';
import { createInvite, listInvites, revokeInvite } from './invites.service.ts';

export const onboardingHandlers = (ctx: AppContext) =>
  ({
    createInvite: ({ caller, body, req }) => createInvite(ctx, caller, body, originOf(req, ctx.publicOrigin)),
    listInvites: ({ caller, query }) => listInvites(ctx, caller, query),
    revokeInvite: ({ caller, params }) => revokeInvite(ctx, caller, params.inviteId),
    previewInvite: ({ body, req }) => previewInvite(ctx, body.token, req.ip),
    acceptInvite: ({ body, req, reply }) => acceptInvite(ctx, body, req.ip, reply),
    inviteSso: ({ body, req, reply }) => startInviteSso(ctx, body.token, req, reply),
    importUsers: ({ caller, query, body, req }) =>
      importUsers(ctx, caller, { csv: body.csv, dryRun: query.dryRun }, originOf(req, ctx.publicOrigin)),
  }) satisfies Partial<Handlers>;
