import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteDef } from '../core/api/route.ts';
import { type OperationId, routes } from '../core/api/routes.ts';
import { createToken } from './auth/auth.service.ts';
import { createPasswordReset } from './auth/password-reset.service.ts';
import {
  all,
  assignmentCases,
  buildWorld,
  type Case,
  checkResponse,
  importBody,
  invitation,
  kinds,
  managersOfA,
  secrets,
  send,
  signedIn,
  standIn,
  throwawayEmail,
  throwawayUser,
  unique,
  type World,
} from './testing/access-world.ts';
import { sampleInterface } from './testing/harness.ts';

/**
 * The role × route matrix: every operation of the contract, called by every kind of caller, on a
 * project the caller belongs to (A) and one they do not (B), expecting one exact outcome each.
 * Every response is also searched for text the caller may not see.
 */

const ownAnswers = { topic: 'algebra', comment: secrets.A_OWN_ANSWER.text };

const matrix: Record<OperationId, Case[]> = {
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
  importItems: [
    {
      target: 'project A',
      build: (w) => ({ params: { projectId: w.projectA }, raw: importBody() }),
      expect: signedIn({
        admin: 201,
        manager: 201,
        projectManager: 201,
        reviewer: 'FORBIDDEN',
        annotator: 'FORBIDDEN',
        outsider: 'NOT_FOUND',
      }),
    },
    {
      target: 'project B',
      build: (w) => ({ params: { projectId: w.projectB }, raw: importBody() }),
      expect: signedIn({ ...all('NOT_FOUND'), admin: 201, manager: 201 }),
    },
  ],
  listItems: [
    {
      target: 'project A',
      build: (w) => ({ params: { projectId: w.projectA }, query: { limit: '500' } }),
      expect: signedIn({ ...all(200), outsider: 'NOT_FOUND' }),
      shows: ['A_OWN_TEXT', 'A_OTHER_TEXT'],
    },
    {
      target: 'project B',
      build: (w) => ({ params: { projectId: w.projectB }, query: { limit: '500' } }),
      expect: signedIn({ ...all('NOT_FOUND'), admin: 200, manager: 200 }),
      shows: ['B_TEXT'],
    },
  ],
  getItem: [
    {
      target: "the annotator's item in A, shared with a colleague",
      build: (w) => ({ params: { itemId: w.work.A.item } }),
      expect: signedIn({ ...all(200), outsider: 'NOT_FOUND' }),
      shows: ['A_OWN_TEXT', 'A_OWN_ANSWER', 'A_SHARED_ANSWER'],
    },
    {
      target: "a colleague's item in A",
      build: (w) => ({ params: { itemId: w.work.other.item } }),
      expect: signedIn({ ...all(200), annotator: 'NOT_FOUND', outsider: 'NOT_FOUND' }),
      shows: ['A_OTHER_TEXT', 'A_OTHER_ANSWER'],
    },
    {
      target: 'an item of B',
      build: (w) => ({ params: { itemId: w.work.B.item } }),
      expect: signedIn({ ...all('NOT_FOUND'), admin: 200, manager: 200 }),
      shows: ['B_TEXT', 'B_ANSWER'],
    },
  ],
  annotationHistory: [
    {
      target: "the annotator's annotation in A",
      build: (w) => ({ params: { annotationId: w.work.A.annotation } }),
      expect: signedIn({ ...all(200), outsider: 'NOT_FOUND' }),
      shows: ['A_OWN_ANSWER'],
    },
    {
      target: "a colleague's annotation in A",
      build: (w) => ({ params: { annotationId: w.work.other.annotation } }),
      expect: signedIn({ ...all(200), annotator: 'NOT_FOUND', outsider: 'NOT_FOUND' }),
      shows: ['A_OTHER_ANSWER'],
    },
    {
      target: 'an annotation of B',
      build: (w) => ({ params: { annotationId: w.work.B.annotation } }),
      expect: signedIn({ ...all('NOT_FOUND'), admin: 200, manager: 200 }),
      shows: ['B_ANSWER'],
    },
  ],
  exportItems: [
    {
      target: 'project A',
      build: (w) => ({ params: { projectId: w.projectA } }),
      expect: signedIn({ ...all(200), annotator: 'FORBIDDEN', outsider: 'NOT_FOUND' }),
      shows: ['A_OWN_TEXT', 'A_OWN_ANSWER', 'A_SHARED_ANSWER', 'A_OTHER_TEXT', 'A_OTHER_ANSWER'],
    },
    {
      target: 'project B',
      build: (w) => ({ params: { projectId: w.projectB } }),
      expect: signedIn({ ...all('NOT_FOUND'), admin: 200, manager: 200 }),
      shows: ['B_TEXT', 'B_ANSWER'],
    },
  ],
  nextAssignment: [
    {
      target: 'project A',
      build: (w) => ({ params: { projectId: w.projectA } }),
      expect: signedIn({ ...all(200), outsider: 'NOT_FOUND' }),
    },
    {
      target: 'project B',
      build: (w) => ({ params: { projectId: w.projectB } }),
      expect: signedIn({ ...all('NOT_FOUND'), admin: 200, manager: 200 }),
    },
  ],
  myAssignments: [
    {
      target: 'project A',
      build: (w) => ({ params: { projectId: w.projectA } }),
      expect: signedIn({ ...all(200), outsider: 'NOT_FOUND' }),
      shows: (kind) => (kind === 'annotator' ? ['A_OWN_TEXT', 'A_OWN_ANSWER'] : []),
    },
    {
      target: 'project B',
      build: (w) => ({ params: { projectId: w.projectB } }),
      expect: signedIn({ ...all('NOT_FOUND'), admin: 200, manager: 200 }),
    },
  ],
  getAssignment: assignmentCases(() => ({}), 200, ['A_OWN_TEXT', 'A_OWN_ANSWER']),
  saveDraft: assignmentCases(() => ({ body: { answers: ownAnswers } }), 200, ['A_OWN_ANSWER']),
  submit: assignmentCases(
    () => ({ body: { answers: ownAnswers, idempotencyKey: unique('matrix-key') } }),
    200,
    ['A_OWN_ANSWER'],
  ),
  skip: [
    {
      target: "the annotator's open lock in A",
      build: async (w) => {
        // Skipping closes the lock, so each caller gets the annotator's current (or a fresh) one.
        const next = await w.h.call(
          w.users.annotator,
          'POST',
          `/api/projects/${w.projectA}/assignments/next`,
        );
        expect(next.status).toBe(200);
        return { params: { assignmentId: next.body.assignment.id }, body: { reason: 'matrix' } };
      },
      expect: signedIn({ ...all('NOT_FOUND'), annotator: 200 }),
    },
    {
      target: "a colleague's assignment in A",
      build: (w) => ({ params: { assignmentId: w.work.other.assignment }, body: {} }),
      expect: signedIn(all('NOT_FOUND')),
    },
    {
      target: 'a lock in B',
      build: (w) => ({ params: { assignmentId: w.work.bravoLock }, body: {} }),
      expect: signedIn(all('NOT_FOUND')),
    },
  ],
  returnSkip: [
    {
      target: "the annotator's skip in A",
      build: async (w) => {
        // Each caller returns a fresh skip: the annotator's current (or a new) lock, skipped.
        const next = await w.h.call(
          w.users.annotator,
          'POST',
          `/api/projects/${w.projectA}/assignments/next`,
        );
        expect(next.status).toBe(200);
        const id = next.body.assignment.id;
        const skipped = await w.h.call(w.users.annotator, 'POST', `/api/assignments/${id}/skip`, {});
        expect(skipped.status).toBe(200);
        return { params: { assignmentId: id } };
      },
      expect: signedIn({ ...all(200), reviewer: 'FORBIDDEN', outsider: 'NOT_FOUND' }),
    },
    {
      target: "the annotator's submitted assignment in A",
      build: (w) => ({ params: { assignmentId: w.work.A.assignment } }),
      expect: signedIn({ ...all('CONFLICT'), reviewer: 'FORBIDDEN', outsider: 'NOT_FOUND' }),
    },
    {
      target: 'a submitted assignment in B',
      build: (w) => ({ params: { assignmentId: w.work.B.assignment } }),
      expect: signedIn({ ...all('NOT_FOUND'), admin: 'CONFLICT', manager: 'CONFLICT' }),
    },
  ],
};

let w: World;
beforeAll(async () => {
  w = await buildWorld();
});
afterAll(async () => w?.h.close());

describe('access matrix', () => {
  it('has an expectation for every operation and every kind of caller', () => {
    for (const def of Object.values(routes)) {
      const cases = (matrix as Partial<Record<string, Case[]>>)[def.operationId];
      expect(cases, `no matrix entry for ${def.operationId}`).toBeDefined();
      expect(cases!.length).toBeGreaterThan(0);
      for (const c of cases!) expect(Object.keys(c.expect).sort()).toEqual([...kinds].sort());
    }
    expect(Object.keys(matrix).sort()).toEqual(Object.keys(routes).sort());
  });

  for (const def of Object.values(routes) as RouteDef[]) {
    const cases = (matrix as Partial<Record<string, Case[]>>)[def.operationId] ?? [];
    describe(`${def.operationId} (${def.method} ${def.path})`, () => {
      for (const c of cases) {
        for (const kind of kinds) {
          const outcome = c.expect[kind];
          it(`${c.target}: ${kind} → ${outcome}`, async () => {
            const res = await send(w, def, kind, await c.build(w, kind));
            const shown =
              !c.shows || typeof outcome === 'string'
                ? []
                : typeof c.shows === 'function'
                  ? c.shows(kind)
                  : c.shows;
            checkResponse(res, kind, outcome, shown);
          });
        }
      }
    });
  }
});
