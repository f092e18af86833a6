import { z } from 'zod';
import {
  AcceptedInvite,
  AcceptInviteBody,
  CreatedInvite,
  CreateInviteBody,
  Invite,
  InviteParams,
  InvitePreview,
  InviteSsoBody,
  InviteSsoStart,
  ListInvitesQuery,
  PreviewInviteBody,
} from './invites.ts';
import { bodyLimits, route } from './route.ts';
import { ImportUsersBody, ImportUsersQuery, ImportUsersResult } from './user-import.ts';

/**
 * Onboarding (docs/onboarding.md): single-use invite links with a preset role, skills, projects
 * and contract window, accepted with a password or single sign-on; and accounts in bulk from CSV.
 */
export const onboardingRoutes = {
  createInvite: route({
    operationId: 'createInvite',
    method: 'POST',
    path: '/api/invites',
    summary:
      'Make a single-use invite link (admin; a manager or project manager for annotator or reviewer roles and projects they manage); the link is in this answer only',
    tag: 'invites',
    auth: 'user',
    body: CreateInviteBody,
    response: CreatedInvite,
    status: 201,
  }),
  listInvites: route({
    operationId: 'listInvites',
    method: 'GET',
    path: '/api/invites',
    summary:
      'Invite links with their status, newest first (admin and manager: all; a project manager: their own)',
    tag: 'invites',
    auth: 'user',
    query: ListInvitesQuery,
    response: z.object({ items: z.array(Invite) }),
  }),
  revokeInvite: route({
    operationId: 'revokeInvite',
    method: 'POST',
    path: '/api/invites/{inviteId}/revoke',
    summary: 'Withdraw an unused invite link (admin, manager; a project manager: their own)',
    tag: 'invites',
    auth: 'user',
    params: InviteParams,
    response: Invite,
  }),
  previewInvite: route({
    operationId: 'previewInvite',
    method: 'POST',
    path: '/api/invites/preview',
    summary:
      'What an invite link grants, by its token (public); expired, used or withdrawn links are refused',
    tag: 'invites',
    auth: 'public',
    body: PreviewInviteBody,
    bodyLimit: bodyLimits.signIn,
    response: InvitePreview,
  }),
  acceptInvite: route({
    operationId: 'acceptInvite',
    method: 'POST',
    path: '/api/invites/accept',
    summary:
      "Accept an invite with a name and password (public): makes the account with the invite's role, skills, projects and contract in one transaction, uses the link up and signs in",
    tag: 'invites',
    auth: 'public',
    body: AcceptInviteBody,
    bodyLimit: bodyLimits.passwords,
    response: AcceptedInvite,
    status: 201,
  }),
  inviteSso: route({
    operationId: 'inviteSso',
    method: 'POST',
    path: '/api/invites/sso',
    summary:
      'Accept an invite by signing in with single sign-on (public): keeps the invite in a sealed cookie for the callback and answers where to start',
    tag: 'invites',
    auth: 'public',
    body: InviteSsoBody,
    bodyLimit: bodyLimits.signIn,
    response: InviteSsoStart,
  }),
  importUsers: route({
    operationId: 'importUsers',
    method: 'POST',
    path: '/api/users/import',
    summary:
      'Create or update accounts from CSV (admin), all lines or none; `dryRun=true` reports the plan and changes nothing. New accounts get a single-use invite link',
    tag: 'users',
    auth: 'user',
    query: ImportUsersQuery,
    body: ImportUsersBody,
    bodyLimit: bodyLimits.large,
    response: ImportUsersResult,
  }),
} as const;
