/**
 * The access matrix's cases for skills (docs/skills.md): anyone signed in reads the catalogue;
 * admins and managers add and describe skills, admins alone remove them; admins and managers see,
 * grant and revoke anyone's skills, everyone sees their own; a project's coverage is for those
 * who manage it.
 */
import { expect } from 'vitest';
import type { OperationId } from '../../core/api/routes.ts';
import {
  all,
  type Case,
  managersOfA,
  signedIn,
  throwawayUser,
  unique,
  type World,
  who,
} from './access-world.ts';

/** A new skill in the catalogue, added by the admin; its name. */
async function newSkill(w: World): Promise<string> {
  const name = unique('skill');
  const res = await w.h.call(w.users.admin, 'POST', '/api/skills', { name });
  expect(res.status).toBe(201);
  return name;
}

const adminsAndManagers = (o: 200 | 201 | 204) => signedIn({ ...all('FORBIDDEN'), admin: o, manager: o });

export const skillCases = {
  listSkills: [{ target: 'the catalogue', build: () => ({}), expect: signedIn(all(200)) }],
  createSkill: [
    {
      target: 'a new name',
      build: () => ({ body: { name: unique('skill') } }),
      expect: adminsAndManagers(201),
    },
  ],
  updateSkill: [
    {
      target: 'a skill',
      build: async (w) => ({ params: { name: await newSkill(w) }, body: { description: 'changed' } }),
      expect: adminsAndManagers(200),
    },
  ],
  deleteSkill: [
    {
      target: 'an unused skill',
      build: async (w) => ({ params: { name: await newSkill(w) } }),
      expect: signedIn({ ...all('FORBIDDEN'), admin: 204 }),
    },
  ],
  userSkills: [
    {
      target: "the annotator's skills",
      build: (w) => ({ params: { userId: w.users.annotator.id } }),
      expect: signedIn({ ...all('FORBIDDEN'), admin: 200, manager: 200, annotator: 200 }),
    },
    {
      target: 'own skills',
      build: (w, kind) => ({ params: { userId: who(w, kind)?.id ?? w.users.annotator.id } }),
      expect: signedIn(all(200)),
    },
  ],
  grantSkills: [
    {
      target: 'a spare account',
      build: async (w) => ({
        params: { userId: await throwawayUser(w) },
        body: { skills: { [await newSkill(w)]: 2 } },
      }),
      expect: adminsAndManagers(200),
    },
  ],
  revokeSkill: [
    {
      target: "a spare account's skill",
      build: async (w) => {
        const userId = await throwawayUser(w);
        const name = await newSkill(w);
        const res = await w.h.call(w.users.admin, 'POST', `/api/users/${userId}/skills`, {
          skills: { [name]: 1 },
        });
        expect(res.status).toBe(200);
        return { params: { userId, name } };
      },
      expect: adminsAndManagers(200),
    },
  ],
  skillCoverage: [
    { target: 'project A', build: (w) => ({ params: { projectId: w.projectA } }), expect: managersOfA(200) },
    {
      target: 'project B',
      build: (w) => ({ params: { projectId: w.projectB } }),
      expect: signedIn({ ...all('NOT_FOUND'), admin: 200, manager: 200 }),
    },
  ],
} satisfies Partial<Record<OperationId, Case[]>>;
