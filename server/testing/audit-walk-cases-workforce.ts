/**
 * The audit walk's calls (server/audit/audit-walk.test.ts) for the workforce's operations: invite
 * links, the CSV import of accounts and the roster's CSV (docs/onboarding.md, docs/roster.md).
 */
import { expect } from 'vitest';
import { unique, type World } from './access-world.ts';
import { type AuditCall, held, spareUser, user } from './audit-walk-cases.ts';

const PASSWORD = 'walk-invite-password-0123';

/** A skill added to the catalogue by the admin through the API; its name. */
async function addSkill(w: World, description = ''): Promise<string> {
  const name = `walk.s${unique('k').replace(/[^a-z0-9]/g, '')}`;
  const res = await w.h.call(w.users.admin, 'POST', '/api/skills', { name, description });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return name;
}
const skillName = held<string>();
const skilled = spareUser();

/** An invite made by the admin through the API: its id and token. */
async function makeInvite(w: World, email: string | null) {
  const res = await w.h.call(w.users.admin, 'POST', '/api/invites', { email, role: 'annotator' });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const token = new URL(res.body.url).hash.replace('#token=', '');
  return { id: res.body.invite?.id ?? res.body.id, token };
}

const presets = {
  role: 'annotator',
  skills: {},
  projects: [],
  contractStart: null,
  contractEnd: null,
};

const invitedEmail = held<string>();
const revoked = held<{ id: number; email: string }>();
const imported = spareUser();
const importedName = held<string>();

export const workforceCalls = {
  createInvite: {
    action: 'invite.create',
    build: () => ({
      body: { email: invitedEmail.set(`${unique('walk-link')}@example.org`), role: 'annotator' },
    }),
    entry: (_w, body) => ({
      targetType: 'invite',
      targetId: String(body.invite?.id ?? body.id),
      targetEmail: invitedEmail.get(),
      projectId: null,
      before: null,
      after: { ...presets, userId: null, expiresAt: body.invite?.expiresAt ?? body.expiresAt },
    }),
  },
  revokeInvite: {
    action: 'invite.revoke',
    build: async (w) => {
      const email = `${unique('walk-revoke')}@example.org`;
      const made = await makeInvite(w, email);
      revoked.set({ id: made.id, email });
      return { params: { inviteId: made.id } };
    },
    entry: () => ({
      targetType: 'invite',
      targetId: String(revoked.get().id),
      targetEmail: revoked.get().email,
      projectId: null,
      before: { status: 'pending' },
      after: { status: 'revoked' },
    }),
  },
  acceptInvite: {
    action: 'invite.accept',
    as: 'anonymous',
    build: async (w) => {
      const email = invitedEmail.set(`${unique('walk-accept')}@example.org`);
      const made = await makeInvite(w, email);
      revoked.set({ id: made.id, email });
      return { body: { token: made.token, name: 'Walked Invitee', email, password: PASSWORD } };
    },
    entry: (_w, body) => ({
      actorId: body.user.id,
      targetType: 'invite',
      targetId: String(revoked.get().id),
      targetEmail: invitedEmail.get(),
      projectId: null,
      before: null,
      after: { userId: body.user.id, via: 'password', ...presets },
    }),
  },
  importUsers: {
    action: 'user.import',
    build: async (w) => {
      const u = await imported.make(w);
      const row = await w.h.verity.store.db
        .selectFrom('users')
        .select('name')
        .where('id', '=', u.id)
        .executeTakeFirstOrThrow();
      importedName.set(row.name);
      return {
        query: { dryRun: 'false' },
        body: { csv: `email,name,role\n${u.email},Renamed By Import,reviewer\n` },
      };
    },
    entry: () => ({
      ...user(imported.get()),
      before: { name: importedName.get(), role: 'annotator', skills: {}, memberships: {} },
      after: { name: 'Renamed By Import', role: 'reviewer', skills: {}, memberships: {} },
    }),
  },
  rosterCsv: {
    action: 'export.roster',
    build: () => ({ query: { status: 'active' } }),
    entry: () => ({
      targetType: 'roster',
      targetId: null,
      targetEmail: null,
      projectId: null,
      before: null,
      after: { format: 'csv', filters: { status: ['active'], sort: 'name', order: 'asc' } },
    }),
  },
  createSkill: {
    action: 'skill.create',
    as: 'manager',
    build: () => ({
      body: { name: skillName.set(`walk.new${Date.now().toString(36)}`), description: 'made' },
    }),
    entry: () => ({
      targetType: 'skill',
      targetId: skillName.get(),
      targetEmail: null,
      projectId: null,
      before: null,
      after: { name: skillName.get(), description: 'made' },
    }),
  },
  updateSkill: {
    action: 'skill.update',
    build: async (w) => ({
      params: { name: skillName.set(await addSkill(w, 'old')) },
      body: { description: 'new' },
    }),
    entry: () => ({
      targetType: 'skill',
      targetId: skillName.get(),
      targetEmail: null,
      projectId: null,
      before: { description: 'old' },
      after: { description: 'new' },
    }),
  },
  deleteSkill: {
    action: 'skill.delete',
    build: async (w) => ({ params: { name: skillName.set(await addSkill(w, 'gone')) } }),
    entry: () => ({
      targetType: 'skill',
      targetId: skillName.get(),
      targetEmail: null,
      projectId: null,
      before: { description: 'gone' },
      after: null,
    }),
  },
  grantSkills: {
    action: 'skill.grant',
    build: async (w) => {
      const u = await skilled.make(w);
      const name = skillName.set(await addSkill(w));
      return { params: { userId: u.id }, body: { skills: { [name]: 2 } } };
    },
    entry: () => ({
      ...user(skilled.get()),
      before: { [skillName.get()]: null },
      after: { [skillName.get()]: 2 },
    }),
  },
  revokeSkill: {
    action: 'skill.revoke',
    as: 'manager',
    build: async (w) => {
      const u = await skilled.make(w);
      const name = skillName.set(await addSkill(w));
      const res = await w.h.call(w.users.admin, 'POST', `/api/users/${u.id}/skills`, {
        skills: { [name]: 3 },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return { params: { userId: u.id, name } };
    },
    entry: () => ({
      ...user(skilled.get()),
      before: { [skillName.get()]: 3 },
      after: { [skillName.get()]: null },
    }),
  },
} satisfies Record<string, AuditCall>;
