/**
 * The access matrix's cases for onboarding (docs/onboarding.md): invite links, made by admins and
 * (for annotator and reviewer roles, and projects they manage) managers and project managers; the
 * public preview and accept, which only the token decides; and the CSV import, admins only.
 */
import { expect } from 'vitest';
import type { OperationId } from '../../core/api/routes.ts';
import { all, type Case, managersOfA, signedIn, unique, type World } from './access-world.ts';
import type { TestUser } from './harness.ts';

/** A fresh invite link made by `by`; its id and token. */
async function invite(w: World, by: TestUser, body: object = {}): Promise<{ id: number; token: string }> {
  const res = await w.h.call(by, 'POST', '/api/invites', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { id: res.body.id, token: String(res.body.url).split('#token=')[1]! };
}

const acceptBody = (token: string) => ({
  token,
  name: 'Invited Person',
  email: `${unique('accepted')}@example.org`,
  password: 'a-long-enough-password',
});

const everyone = (o: 200 | 201 | 'INVITE_USED' | 'SSO_NOT_CONFIGURED') => ({
  anonymous: o,
  suspended: o,
  ...all(o),
});

export const onboardingCases = {
  createInvite: [
    {
      target: 'an annotator invite to project A',
      build: (w) => ({ body: { role: 'annotator', projects: [{ projectId: w.projectA }] } }),
      expect: managersOfA(201),
      shows: ['A_NAME'],
    },
    {
      target: 'an annotator invite to project B',
      build: (w) => ({ body: { role: 'annotator', projects: [{ projectId: w.projectB }] } }),
      expect: signedIn({ ...all('NOT_FOUND'), admin: 201, manager: 201 }),
      shows: ['B_NAME'],
    },
    {
      target: 'a manager invite (a role only admins give)',
      build: () => ({ body: { role: 'manager' } }),
      expect: signedIn({ ...all('FORBIDDEN'), admin: 201 }),
    },
  ],
  listInvites: [
    {
      target: 'the invites the caller may see',
      build: async (w) => {
        await invite(w, w.users.admin, { projects: [{ projectId: w.projectB }] });
        await invite(w, w.users.projectManager, { projects: [{ projectId: w.projectA }] });
        return {};
      },
      expect: signedIn({
        ...all('FORBIDDEN'),
        admin: 200,
        manager: 200,
        projectManager: 200,
      }),
      shows: (kind) => (kind === 'projectManager' ? ['A_NAME'] : ['A_NAME', 'B_NAME']),
    },
  ],
  revokeInvite: [
    {
      target: "an admin's invite",
      build: async (w) => ({ params: { inviteId: (await invite(w, w.users.admin)).id } }),
      expect: signedIn({
        ...all('FORBIDDEN'),
        admin: 200,
        manager: 200,
        projectManager: 'NOT_FOUND',
      }),
    },
    {
      target: "the project manager's own invite to A",
      build: async (w) => ({
        params: {
          inviteId: (await invite(w, w.users.projectManager, { projects: [{ projectId: w.projectA }] })).id,
        },
      }),
      expect: signedIn({ ...all('FORBIDDEN'), admin: 200, manager: 200, projectManager: 200 }),
      shows: ['A_NAME'],
    },
  ],
  previewInvite: [
    {
      target: 'a live invite without projects (public: the token decides)',
      build: async (w) => ({ body: { token: (await invite(w, w.users.admin)).token } }),
      expect: everyone(200),
    },
  ],
  acceptInvite: [
    {
      target: 'a live invite without projects',
      build: async (w) => ({ body: acceptBody((await invite(w, w.users.admin)).token) }),
      expect: everyone(201),
    },
    {
      target: 'an invite used already',
      build: async (w) => {
        const { token } = await invite(w, w.users.admin);
        const first = await w.h.call(null, 'POST', '/api/invites/accept', acceptBody(token));
        expect(first.status).toBe(201);
        return { body: acceptBody(token) };
      },
      expect: everyone('INVITE_USED'),
    },
  ],
  inviteSso: [
    {
      target: 'a server without single sign-on',
      build: async (w) => ({ body: { token: (await invite(w, w.users.admin)).token } }),
      expect: everyone('SSO_NOT_CONFIGURED'),
    },
  ],
  importUsers: [
    {
      target: 'a CSV of one new account',
      build: () => ({
        query: { dryRun: 'false' },
        body: { csv: `email,name,role\n${unique('imported')}@example.org,Imported Person,annotator\n` },
      }),
      expect: signedIn({ ...all('FORBIDDEN'), admin: 200 }),
    },
  ],
} satisfies Partial<Record<OperationId, Case[]>>;
