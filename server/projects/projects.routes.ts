import type { AppContext } from '../context.ts';
import type { Handlers } from '../http/register.ts';
import { duplicateProject } from './duplicate.service.ts';
import * as invitations from './invitations.service.ts';
import * as members from './members.service.ts';
import * as projects from './projects.service.ts';

export const projectHandlers = (ctx: AppContext) =>
  ({
    listProjects: ({ caller, query }) => projects.listProjects(ctx, caller, query),
    createProject: ({ caller, body }) => projects.createProject(ctx, caller, body),
    getProject: ({ caller, params }) => projects.getProject(ctx, caller, params.projectId),
    updateProject: ({ caller, params, body }) => projects.updateProject(ctx, caller, params.projectId, body),
    duplicateProject: ({ caller, params, body }) => duplicateProject(ctx, caller, params.projectId, body),
    listMembers: ({ caller, params }) => members.listMembers(ctx, caller, params.projectId),
    addMember: ({ caller, params, body }) => members.addMember(ctx, caller, params.projectId, body),
    removeMember: ({ caller, params }) => members.removeMember(ctx, caller, params.projectId, params.userId),
    listInvitations: ({ caller, params }) => invitations.listInvitations(ctx, caller, params.projectId),
    createInvitation: ({ caller, params, body }) =>
      invitations.createInvitation(ctx, caller, params.projectId, body),
    cancelInvitation: ({ caller, params }) =>
      invitations.cancelInvitation(ctx, caller, params.projectId, params.invitationId),
  }) satisfies Partial<Handlers>;
