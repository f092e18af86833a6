/**
 * The calls server/audit/audit-walk.test.ts makes of each audited operation, and the entry each
 * must leave (docs/audit.md). A call runs as the admin unless it says otherwise, on the access
 * matrix's world (access-world.ts); `entry` is what the log must then hold, exactly.
 */
import { expect } from 'vitest';
import { createToken } from '../auth/auth.service.ts';
import { insertConnection } from '../models/connections.repository.ts';
import { seal } from '../models/seal.ts';
import { issueSetupLink } from '../setup/setup.service.ts';
import { type Kind, type Req, unique, type World } from './access-world.ts';
import { sampleInterface, startHarness, type TestUser } from './harness.ts';

/** An entry as the walk expects it; `actorId` defaults to the caller's id. */
export interface Expected {
  actorId?: number | null;
  targetType: string;
  targetId: string | null;
  targetEmail: string | null;
  projectId: number | null;
  before: unknown;
  after: unknown;
}

export interface AuditCall {
  action: string;
  /** Who calls; default the admin. */
  as?: Kind;
  build(w: World): Req | Promise<Req>;
  /** The entries the call must leave, in the order written; `body` is the parsed response. */
  entry(w: World, body: any): Expected | Expected[] | Promise<Expected | Expected[]>;
  /** Runs on a fresh, empty server instead of the world (first-run setup); closed after. */
  fresh?: boolean;
}

/** The API key the walk gives model connections; the log must never hold it. */
export const WALK_API_KEY = 'sk-walk-secret-key-0123456789abcdef';
/** Reset links and tokens the walk was handed, searched for in the log afterwards. */
export const handedSecrets: string[] = [WALK_API_KEY];

export const user = (u: { id: number; email: string }) => ({
  targetType: 'user',
  targetId: String(u.id),
  targetEmail: u.email,
  projectId: null,
});

/** A value held between a call's `build` and its `entry`. */
export function held<T>() {
  let value: T;
  return {
    set: (v: T): T => {
      value = v;
      return v;
    },
    get: (): T => value,
  };
}

/** A fresh account, held between `build` and `entry`. */
export function spareUser() {
  const u = held<TestUser>();
  return {
    make: async (w: World, role: TestUser['role'] = 'annotator') => u.set(await w.h.user(role)),
    get: u.get,
  };
}

/** A fresh project made by the admin; its id. */
export async function spareProject(w: World): Promise<number> {
  const res = await w.h.call(w.users.admin, 'POST', '/api/projects', {
    name: unique('walked'),
    interface: sampleInterface,
  });
  expect(res.status).toBe(201);
  return res.body.id;
}

export async function spareConnection(w: World): Promise<number> {
  const row = await insertConnection(w.h.verity.store.db, {
    name: unique('walk-model'),
    baseUrl: 'http://127.0.0.1:9/v1',
    model: 'm',
    apiKeySealed: seal(w.h.verity.ctx.secret, WALK_API_KEY),
    params: {},
    concurrency: 1,
    requestsPerMinute: null,
    timeoutMs: 5000,
    allowPrivateNetwork: false,
    createdBy: w.users.admin.id,
  });
  return row.id;
}

function userEdit(action: string, body: Record<string, unknown>, before: object, after: object): AuditCall {
  const s = spareUser();
  return {
    action,
    build: async (w) => {
      const u = await s.make(w);
      if (body.status === 'active')
        await w.h.call(w.users.admin, 'PATCH', `/api/users/${u.id}`, { status: 'suspended' });
      return { params: { userId: u.id }, body };
    },
    entry: () => ({ ...user(s.get()), before, after }),
  };
}

function bulk(action: 'suspend' | 'offboard' | 'reinstate'): AuditCall {
  const [a, b] = [spareUser(), spareUser()];
  return {
    action: `user.${action}`,
    build: async (w) => {
      const users = [await a.make(w), await b.make(w)];
      if (action === 'reinstate')
        for (const u of users)
          await w.h.call(w.users.admin, 'PATCH', `/api/users/${u.id}`, { status: 'suspended' });
      return {
        body: { action, emails: [users[0]!.email, 'nobody-walked@example.org'], userIds: [users[1]!.id] },
      };
    },
    entry: () =>
      [a.get(), b.get()].map((u) => ({
        ...user(u),
        before:
          action === 'reinstate'
            ? { status: 'suspended' }
            : action === 'offboard'
              ? { status: 'active', offboardedAt: null }
              : { status: 'active' },
        after:
          action === 'reinstate'
            ? { status: 'active' }
            : action === 'offboard'
              ? { status: 'suspended', offboardedAt: expect.any(String) }
              : { status: 'suspended' },
      })),
  };
}

const s = {
  reset: spareUser(),
  member: spareUser(),
  role: spareUser(),
  gone: spareUser(),
  pause: spareUser(),
};
const standIn = held<TestUser>();

/** Accounts, tokens and first-run setup. */
export const accountCalls = {
  createToken: {
    action: 'token.create',
    as: 'annotator',
    build: () => ({ body: { name: 'walked token' } }),
    entry: (w, body) => {
      handedSecrets.push(body.token);
      return {
        ...user(w.users.annotator),
        targetType: 'token',
        targetId: String(body.id),
        before: null,
        after: { name: 'walked token' },
      };
    },
  },
  revokeToken: {
    action: 'token.revoke',
    as: 'annotator',
    build: async (w) => ({
      params: { tokenId: (await createToken(w.h.verity.ctx, w.users.annotator.id, 'to go')).id },
    }),
    entry: (w) => ({
      ...user(w.users.annotator),
      targetType: 'token',
      targetId: expect.any(String),
      before: null,
      after: { revoked: true },
    }),
  },
  signOutEverywhere: {
    action: 'token.revoke_all',
    as: 'annotator',
    build: async (w) => ({ token: standIn.set(await w.h.user('annotator')).token }),
    entry: () => ({
      ...user(standIn.get()),
      actorId: standIn.get().id,
      before: null,
      after: { tokens: 'revoked', sessions: 'ended' },
    }),
  },
  completeSetup: {
    action: 'user.create',
    as: 'anonymous',
    fresh: true,
    build: async (w) => {
      const link = await issueSetupLink(w.h.verity.ctx, { origin: 'http://verity.test' });
      const token = link!.url.split('#token=')[1]!;
      handedSecrets.push(token);
      return {
        body: {
          token,
          email: 'first-admin@example.org',
          name: 'First Admin',
          password: 'a-first-admin-password',
        },
      };
    },
    entry: (_w, body) => ({
      ...user({ id: body.user.id, email: 'first-admin@example.org' }),
      actorId: null,
      before: null,
      after: { email: 'first-admin@example.org', name: 'First Admin', role: 'admin', via: 'setup' },
    }),
  },
  createUser: {
    action: 'user.create',
    build: () => ({
      body: {
        email: 'walked-new@example.org',
        name: 'Walked New',
        role: 'reviewer',
        password: 'a-walked-password',
      },
    }),
    entry: (_w, body) => ({
      ...user({ id: body.id, email: 'walked-new@example.org' }),
      before: null,
      after: { email: 'walked-new@example.org', name: 'Walked New', role: 'reviewer' },
    }),
  },
  updateUser: [
    userEdit(
      'user.name',
      { name: 'Renamed Person' },
      { name: expect.any(String) },
      { name: 'Renamed Person' },
    ),
    userEdit('user.role', { role: 'reviewer' }, { role: 'annotator' }, { role: 'reviewer' }),
    userEdit(
      'user.contract',
      { contractEnd: '2031-01-01T00:00:00Z' },
      { contractEnd: null },
      { contractEnd: '2031-01-01T00:00:00.000Z' },
    ),
    userEdit('user.suspend', { status: 'suspended' }, { status: 'active' }, { status: 'suspended' }),
    userEdit('user.reinstate', { status: 'active' }, { status: 'suspended' }, { status: 'active' }),
  ],
  bulkUserStatus: [bulk('suspend'), bulk('offboard'), bulk('reinstate')],
  createPasswordReset: {
    action: 'user.reset_link',
    build: async (w) => ({ params: { userId: (await s.reset.make(w)).id } }),
    entry: (_w, body) => {
      handedSecrets.push(body.url.split('#token=')[1]);
      return { ...user(s.reset.get()), before: null, after: { expiresAt: body.expiresAt } };
    },
  },
} satisfies Record<string, AuditCall | AuditCall[]>;

/** A fresh, empty server for `fresh` calls, as a World with just its harness. */
export async function freshWorld(): Promise<World> {
  return { h: await startHarness() } as World;
}
