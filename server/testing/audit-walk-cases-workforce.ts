/**
 * The audit walk's calls (server/audit/audit-walk.test.ts) for the workforce's operations: invite
 * links, the CSV import of accounts and the roster's CSV (docs/onboarding.md, docs/roster.md).
 */
import { expect } from 'vitest';
import { unique, type World } from './access-world.ts';
import { type AuditCall, held, spareUser, user } from './audit-walk-cases.ts';

const PASSWORD = 'walk-invite-password-0123';

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
} satisfies Record<string, AuditCall>;
