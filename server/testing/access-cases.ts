/**
 * The access matrix's cases (server/access.test.ts runs them): for every operation of the
 * contract, the targets it is called on and the one outcome each kind of caller must get.
 */
import { expect } from 'vitest';
import type { OperationId } from '../../core/api/routes.ts';
import { createToken } from '../auth/auth.service.ts';
import { createPasswordReset } from '../auth/password-reset.service.ts';
import {
  all,
  type Case,
  invitation,
  managersOfA,
  secrets,
  signedIn,
  standIn,
  throwawayEmail,
  throwawayUser,
  unique,
  type World,
} from './access-world.ts';
import { sampleInterface } from './harness.ts';

const _ownAnswers = { topic: 'algebra', comment: secrets.A_OWN_ANSWER.text };

/** The annotator's live lock in project A: the one they hold, or a newly claimed one. */
async function _annotatorsLock(w: World): Promise<number> {
  const next = await w.h.call(w.users.annotator, 'POST', `/api/projects/${w.projectA}/assignments/next`);
  expect(next.status).toBe(200);
  return next.body.assignment.id;
}

/** Accounts, sign-in and projects. */
export const accountAndProjectCases = {
  health: [
    { target: 'the server', build: () => ({}), expect: { anonymous: 200, suspended: 200, ...all(200) } },
  ],
  login: [
    {
      target: 'own credentials',
      build: (w, kind) =>
        kind === 'anonymous'
          ? { body: { email: 'nobody@example.org', password: 'not-the-password' } }
          : { body: { email: w.users[kind].email, password: w.users[kind].password } },
      expect: { anonymous: 'INVALID_CREDENTIALS', suspended: 'ACCOUNT_SUSPENDED', ...all(200) },
    },
  ],
  logout: [{ target: 'own session', build: () => ({}), expect: signedIn(all(204)) }],
  signOutEverywhere: [
    { target: 'own sessions and tokens', build: (w, kind) => standIn(w, kind), expect: signedIn(all(204)) },
  ],
  me: [{ target: 'self', build: () => ({}), expect: signedIn(all(200)) }],
  changePassword: [
    {
      target: 'own password',
      build: (w, kind) => {
        const password = kind === 'anonymous' ? 'whatever-password' : w.users[kind].password;
        return { body: { currentPassword: password, newPassword: password } };
      },
      expect: signedIn(all(200)),
    },
  ],
  resetPassword: [
    {
      target: "a live reset link of a spare account (public: the caller's own credentials play no part)",
      build: async (w) => {
        const link = await createPasswordReset(
          w.h.verity.ctx,
          null,
          await throwawayUser(w),
          'http://verity.test',
        );
        return { body: { token: link.url.split('#token=')[1], newPassword: 'a-brand-new-password' } };
      },
      expect: { anonymous: 204, suspended: 204, ...all(204) },
    },
  ],
  setupStatus: [
    { target: 'the server', build: () => ({}), expect: { anonymous: 200, suspended: 200, ...all(200) } },
  ],
  completeSetup: [
    {
      target: 'a setup token once an admin exists (public: setup is done, for everyone)',
      build: () => ({
        body: {
          token: 'vsetup_not-a-live-token',
          email: `${unique('setup')}@example.org`,
          name: 'Second Admin',
          password: 'a-brand-new-password',
        },
      }),
      expect: { anonymous: 'SETUP_DONE', suspended: 'SETUP_DONE', ...all('SETUP_DONE') },
    },
  ],
  listTokens: [{ target: 'own tokens', build: () => ({}), expect: signedIn(all(200)) }],
  createToken: [
    { target: 'own tokens', build: () => ({ body: { name: 'matrix' } }), expect: signedIn(all(201)) },
  ],
  revokeToken: [
    {
      target: 'an own token',
      build: async (w, kind) => {
        const owner = kind === 'anonymous' ? w.users.admin : w.users[kind];
        const token = await createToken(w.h.verity.ctx, owner.id, 'to-revoke');
        return { params: { tokenId: token.id } };
      },
      expect: signedIn(all(204)),
    },
    {
      target: "someone else's token",
      build: async (w) => ({
        params: { tokenId: (await createToken(w.h.verity.ctx, w.third.id, 'kept')).id },
      }),
      expect: signedIn(all('NOT_FOUND')),
    },
  ],
  listUsers: [
    {
      target: 'all users',
      build: () => ({}),
      expect: signedIn({ ...all('FORBIDDEN'), admin: 200, manager: 200 }),
    },
  ],
  createUser: [
    {
      target: 'a new user',
      build: () => ({ body: { email: `${unique('new')}@example.org`, name: 'New User', role: 'annotator' } }),
      expect: signedIn({ ...all('FORBIDDEN'), admin: 201 }),
    },
  ],
  updateUser: [
    {
      target: 'another user',
      build: async (w) => ({ params: { userId: await throwawayUser(w) }, body: { name: 'Renamed' } }),
      expect: signedIn({ ...all('FORBIDDEN'), admin: 200 }),
    },
  ],
  bulkUserStatus: [
    {
      target: 'another user, suspended',
      build: async (w) => ({ body: { action: 'suspend', userIds: [await throwawayUser(w)] } }),
      expect: signedIn({ ...all('FORBIDDEN'), admin: 200 }),
    },
  ],
  createPasswordReset: [
    {
      target: 'another user',
      build: async (w) => ({ params: { userId: await throwawayUser(w) } }),
      expect: signedIn({ ...all('FORBIDDEN'), admin: 201 }),
    },
  ],
  listProjects: [
    {
      target: 'visible projects',
      build: () => ({ query: { limit: '500' } }),
      expect: signedIn(all(200)),
      shows: ['A_NAME', 'B_NAME'],
    },
  ],
  createProject: [
    {
      target: 'a new project',
      build: () => ({ body: { name: unique('Throwaway'), interface: sampleInterface } }),
      expect: signedIn({ ...all('FORBIDDEN'), admin: 201, manager: 201 }),
    },
  ],
  duplicateProject: [
    {
      target: 'project A',
      build: (w) => ({ params: { projectId: w.projectA }, body: { name: unique('Copy') } }),
      expect: signedIn({ ...all('FORBIDDEN'), admin: 201, manager: 201, outsider: 'NOT_FOUND' }),
    },
    {
      target: 'project B',
      build: (w) => ({ params: { projectId: w.projectB }, body: { name: unique('Copy') } }),
      expect: signedIn({ ...all('NOT_FOUND'), admin: 201, manager: 201 }),
    },
  ],
  getProject: [
    {
      target: 'project A',
      build: (w) => ({ params: { projectId: w.projectA } }),
      expect: signedIn({ ...all(200), outsider: 'NOT_FOUND' }),
      shows: ['A_NAME'],
    },
    {
      target: 'project B',
      build: (w) => ({ params: { projectId: w.projectB } }),
      expect: signedIn({ ...all('NOT_FOUND'), admin: 200, manager: 200 }),
      shows: ['B_NAME'],
    },
  ],
  updateProject: [
    {
      target: 'project A',
      build: (w) => ({ params: { projectId: w.projectA }, body: { guidelines: unique('Guidelines') } }),
      expect: signedIn({
        admin: 200,
        manager: 200,
        projectManager: 200,
        reviewer: 'FORBIDDEN',
        annotator: 'FORBIDDEN',
        outsider: 'NOT_FOUND',
      }),
      shows: ['A_NAME'],
    },
    {
      target: 'project B',
      build: (w) => ({ params: { projectId: w.projectB }, body: { guidelines: unique('Guidelines') } }),
      expect: signedIn({ ...all('NOT_FOUND'), admin: 200, manager: 200 }),
      shows: ['B_NAME'],
    },
  ],
  listMembers: [
    {
      target: 'project A',
      build: (w) => ({ params: { projectId: w.projectA } }),
      expect: signedIn({ ...all(200), annotator: 'FORBIDDEN', outsider: 'NOT_FOUND' }),
    },
    {
      target: 'project B',
      build: (w) => ({ params: { projectId: w.projectB } }),
      expect: signedIn({ ...all('NOT_FOUND'), admin: 200, manager: 200 }),
    },
  ],
  addMember: [
    {
      target: 'project A, an account nobody there has seen (by id)',
      build: async (w) => ({ params: { projectId: w.projectA }, body: { userId: await throwawayUser(w) } }),
      expect: signedIn({
        admin: 201,
        manager: 201,
        projectManager: 'NOT_FOUND',
        reviewer: 'FORBIDDEN',
        annotator: 'FORBIDDEN',
        outsider: 'NOT_FOUND',
      }),
    },
    {
      target: 'project A, an account by email',
      build: async (w) => ({ params: { projectId: w.projectA }, body: { email: await throwawayEmail(w) } }),
      expect: signedIn({
        admin: 201,
        manager: 201,
        projectManager: 'FORBIDDEN',
        reviewer: 'FORBIDDEN',
        annotator: 'FORBIDDEN',
        outsider: 'NOT_FOUND',
      }),
    },
    {
      target: 'project A, one of its members (by id, same role)',
      build: (w) => ({ params: { projectId: w.projectA }, body: { userId: w.third.id, role: 'annotator' } }),
      expect: managersOfA(201),
    },
    {
      target: 'project B',
      build: async (w) => ({ params: { projectId: w.projectB }, body: { userId: await throwawayUser(w) } }),
      expect: signedIn({ ...all('NOT_FOUND'), admin: 201, manager: 201 }),
    },
  ],
  removeMember: [
    {
      target: 'project A',
      build: async (w) => {
        const userId = await throwawayUser(w);
        await w.h.call(w.users.admin, 'POST', `/api/projects/${w.projectA}/members`, { userId });
        return { params: { projectId: w.projectA, userId } };
      },
      expect: signedIn({
        admin: 204,
        manager: 204,
        projectManager: 204,
        reviewer: 'FORBIDDEN',
        annotator: 'FORBIDDEN',
        outsider: 'NOT_FOUND',
      }),
    },
    {
      target: 'project B',
      build: async (w) => {
        const userId = await throwawayUser(w);
        await w.h.call(w.users.admin, 'POST', `/api/projects/${w.projectB}/members`, { userId });
        return { params: { projectId: w.projectB, userId } };
      },
      expect: signedIn({ ...all('NOT_FOUND'), admin: 204, manager: 204 }),
    },
  ],
  listInvitations: [
    {
      target: 'project A',
      build: (w) => ({ params: { projectId: w.projectA } }),
      expect: managersOfA(200),
    },
    {
      target: 'project B',
      build: (w) => ({ params: { projectId: w.projectB } }),
      expect: signedIn({ ...all('NOT_FOUND'), admin: 200, manager: 200 }),
    },
  ],
  createInvitation: [
    {
      target: 'project A',
      build: (w) => ({
        params: { projectId: w.projectA },
        body: { email: `${unique('invitee')}@example.org` },
      }),
      expect: managersOfA(201),
    },
    {
      target: 'project B',
      build: (w) => ({
        params: { projectId: w.projectB },
        body: { email: `${unique('invitee')}@example.org` },
      }),
      expect: signedIn({ ...all('NOT_FOUND'), admin: 201, manager: 201 }),
    },
  ],
  cancelInvitation: [
    {
      target: 'an invitation of project A',
      build: async (w) => ({
        params: { projectId: w.projectA, invitationId: await invitation(w, w.projectA) },
      }),
      expect: managersOfA(204),
    },
    {
      target: 'an invitation of project B',
      build: async (w) => ({
        params: { projectId: w.projectB, invitationId: await invitation(w, w.projectB) },
      }),
      expect: signedIn({ ...all('NOT_FOUND'), admin: 204, manager: 204 }),
    },
    {
      target: 'an invitation of B, named through A',
      build: async (w) => ({
        params: { projectId: w.projectA, invitationId: await invitation(w, w.projectB) },
      }),
      expect: signedIn({
        ...all('NOT_FOUND'),
        reviewer: 'FORBIDDEN',
        annotator: 'FORBIDDEN',
      }),
    },
  ],
} satisfies Partial<Record<OperationId, Case[]>>;
