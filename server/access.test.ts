import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteDef } from '../core/api/route.ts';
import { type OperationId, routes } from '../core/api/routes.ts';
import { type ErrorCode, errorCodes } from '../core/errors.ts';
import { createToken } from './auth/auth.service.ts';
import { type Harness, jsonl, sampleInterface, startHarness, type TestUser } from './testing/harness.ts';
import { insertUser } from './users/users.repository.ts';

/**
 * The role × route matrix: every operation of the contract, called by every kind of caller, on a
 * project the caller belongs to (A) and one they do not (B), expecting one exact outcome each.
 * Every response is also searched for text the caller may not see.
 */

const kinds = [
  'anonymous',
  'admin',
  'manager',
  'projectManager',
  'reviewer',
  'annotator',
  'outsider',
  'suspended',
] as const;
type Kind = (typeof kinds)[number];
type SignedIn = Exclude<Kind, 'anonymous' | 'suspended'>;
type Outcome = 200 | 201 | 204 | ErrorCode;

/** The same outcome for every active signed-in caller. */
const all = (o: Outcome): Record<SignedIn, Outcome> => ({
  admin: o,
  manager: o,
  projectManager: o,
  reviewer: o,
  annotator: o,
  outsider: o,
});
/** Routes that need a caller: no caller is 401, a suspended one 403, whatever the target. */
const signedIn = (o: Record<SignedIn, Outcome>): Record<Kind, Outcome> => ({
  anonymous: 'UNAUTHENTICATED',
  suspended: 'ACCOUNT_SUSPENDED',
  ...o,
});

/** Distinctive text placed in the fixtures; each names who may ever receive it. */
const everyoneInA: Kind[] = ['admin', 'manager', 'projectManager', 'reviewer', 'annotator'];
const viewersOfA: Kind[] = ['admin', 'manager', 'projectManager', 'reviewer'];
const viewersOfB: Kind[] = ['admin', 'manager'];
const secrets = {
  A_NAME: { text: 'zq-alpha-project-name', seenBy: everyoneInA },
  A_OWN_TEXT: { text: 'zq-alpha-own-item-text', seenBy: everyoneInA },
  A_OWN_ANSWER: { text: 'zq-alpha-own-answer', seenBy: everyoneInA },
  A_SHARED_ANSWER: { text: 'zq-alpha-colleague-answer-on-shared-item', seenBy: viewersOfA },
  A_OTHER_TEXT: { text: 'zq-alpha-colleague-item-text', seenBy: viewersOfA },
  A_OTHER_ANSWER: { text: 'zq-alpha-colleague-answer', seenBy: viewersOfA },
  B_NAME: { text: 'zq-bravo-project-name', seenBy: viewersOfB },
  B_TEXT: { text: 'zq-bravo-item-text', seenBy: viewersOfB },
  B_ANSWER: { text: 'zq-bravo-answer', seenBy: viewersOfB },
} as const;
type Secret = keyof typeof secrets;
const secretNames = Object.keys(secrets) as Secret[];

interface Ids {
  item: number;
  assignment: number;
  annotation: number;
}
interface World {
  h: Harness;
  users: Record<Exclude<Kind, 'anonymous'>, TestUser>;
  colleague: TestUser;
  third: TestUser;
  bravoAnnotator: TestUser;
  projectA: number;
  projectB: number;
  /** A: the annotator's own work in A; other: a colleague's work in A; B: work in project B. */
  work: { A: Ids; other: Ids; B: Ids; bravoLock: number };
}

interface Req {
  params?: Record<string, number>;
  query?: Record<string, string>;
  body?: unknown;
  /** A streamed body (imports) sent as-is with this content type. */
  raw?: { contentType: string; payload: string };
}
interface Case {
  target: string;
  build(w: World, kind: Kind): Req | Promise<Req>;
  expect: Record<Kind, Outcome>;
  /** Secrets an all-seeing caller receives; each successful caller must receive exactly those it may see. */
  shows?: Secret[] | ((kind: Kind) => Secret[]);
}

let serial = 0;
const unique = (what: string): string => `${what}-${++serial}-${Date.now()}`;
const who = (w: World, kind: Kind): TestUser | null => (kind === 'anonymous' ? null : w.users[kind]);

async function throwawayUser(w: World): Promise<number> {
  const row = await insertUser(w.h.verity.store.db, {
    email: `${unique('spare')}@example.org`,
    name: unique('Spare'),
    role: 'annotator',
    passwordHash: null,
  });
  return row.id;
}

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
  me: [{ target: 'self', build: () => ({}), expect: signedIn(all(200)) }],
  changePassword: [
    {
      target: 'own password',
      build: (w, kind) => {
        const password = kind === 'anonymous' ? 'whatever-password' : w.users[kind].password;
        return { body: { currentPassword: password, newPassword: password } };
      },
      expect: signedIn(all(204)),
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
      target: 'project A',
      build: async (w) => ({ params: { projectId: w.projectA }, body: { userId: await throwawayUser(w) } }),
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
};

function importBody(): Req['raw'] {
  return {
    contentType: 'application/x-ndjson',
    payload: jsonl([{ data: { text: unique('imported by the matrix'), source: 'matrix' } }]),
  };
}

/** Assignments belong to one annotator: anyone else, admins included, gets 404. */
function assignmentCases(body: () => Req, ownOutcome: Outcome, shows: Secret[]): Case[] {
  return [
    {
      target: "the annotator's submitted assignment in A",
      build: (w) => ({ ...body(), params: { assignmentId: w.work.A.assignment } }),
      expect: signedIn({ ...all('NOT_FOUND'), annotator: ownOutcome }),
      shows: (kind) => (kind === 'annotator' ? shows : []),
    },
    {
      target: "a colleague's assignment in A",
      build: (w) => ({ ...body(), params: { assignmentId: w.work.other.assignment } }),
      expect: signedIn(all('NOT_FOUND')),
    },
    {
      target: 'an assignment in B',
      build: (w) => ({ ...body(), params: { assignmentId: w.work.B.assignment } }),
      expect: signedIn(all('NOT_FOUND')),
    },
  ];
}

function urlOf(def: RouteDef, req: Req): string {
  const path = def.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = req.params?.[name];
    if (value === undefined) throw new Error(`${def.operationId}: no value for path parameter ${name}`);
    return String(value);
  });
  const query = new URLSearchParams(req.query ?? {}).toString();
  return query ? `${path}?${query}` : path;
}

async function send(
  w: World,
  def: RouteDef,
  kind: Kind,
  req: Req,
): Promise<{ status: number; text: string }> {
  const caller = who(w, kind);
  const headers: Record<string, string> = caller ? { authorization: `Bearer ${caller.token}` } : {};
  let payload: string | undefined;
  if (req.raw) {
    headers['content-type'] = req.raw.contentType;
    payload = req.raw.payload;
  } else if (req.body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(req.body);
  }
  const res = await w.h.verity.app.inject({
    method: def.method,
    url: urlOf(def, req),
    headers,
    ...(payload === undefined ? {} : { payload }),
  });
  return { status: res.statusCode, text: res.body };
}

let w: World;

async function submitNext(h: Harness, user: TestUser, projectId: number, comment: string): Promise<Ids> {
  const next = await h.call(user, 'POST', `/api/projects/${projectId}/assignments/next`);
  expect(next.status, JSON.stringify(next.body)).toBe(200);
  const sub = await h.call(user, 'POST', `/api/assignments/${next.body.assignment.id}/submit`, {
    answers: { topic: 'geometry', comment },
    idempotencyKey: unique('fixture-key'),
  });
  expect(sub.status, JSON.stringify(sub.body)).toBe(200);
  return { item: next.body.item.id, assignment: next.body.assignment.id, annotation: sub.body.annotation.id };
}

async function importItems(h: Harness, admin: TestUser, projectId: number, rows: unknown[]): Promise<void> {
  const res = await h.verity.app.inject({
    method: 'POST',
    url: `/api/projects/${projectId}/items`,
    headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/x-ndjson' },
    payload: jsonl(rows),
  });
  expect(res.statusCode, res.body).toBe(201);
}

beforeAll(async () => {
  const h = await startHarness();
  const admin = await h.user('admin');
  const users = {
    admin,
    manager: await h.user('manager'),
    projectManager: await h.user('annotator'),
    reviewer: await h.user('reviewer'),
    annotator: await h.user('annotator'),
    outsider: await h.user('annotator'),
    suspended: await h.user('manager'),
  };
  const colleague = await h.user('annotator');
  const third = await h.user('annotator');
  const bravoAnnotator = await h.user('annotator');

  const a = await h.call(admin, 'POST', '/api/projects', {
    name: secrets.A_NAME.text,
    interface: sampleInterface,
    overlap: 2,
  });
  const b = await h.call(admin, 'POST', '/api/projects', {
    name: secrets.B_NAME.text,
    interface: sampleInterface,
  });
  expect([a.status, b.status]).toEqual([201, 201]);
  const projectA: number = a.body.id;
  const projectB: number = b.body.id;

  const memberships: [number, TestUser, string][] = [
    [projectA, users.projectManager, 'manager'],
    [projectA, users.reviewer, 'reviewer'],
    [projectA, users.annotator, 'annotator'],
    [projectA, users.suspended, 'manager'],
    [projectA, colleague, 'annotator'],
    [projectA, third, 'annotator'],
    [projectB, bravoAnnotator, 'annotator'],
  ];
  for (const [projectId, user, role] of memberships) {
    const added = await h.call(admin, 'POST', `/api/projects/${projectId}/members`, {
      userId: user.id,
      role,
    });
    expect(added.status).toBe(201);
  }

  const free = (n: number, prefix: string) =>
    Array.from({ length: n }, (_, i) => ({ data: { text: `${prefix} free item ${i}`, source: 'fixture' } }));
  await importItems(h, admin, projectA, [
    { data: { text: secrets.A_OWN_TEXT.text, source: 'fixture' }, priority: 10 },
    { data: { text: secrets.A_OTHER_TEXT.text, source: 'fixture' }, priority: 9 },
    ...free(30, 'alpha'),
  ]);
  await importItems(h, admin, projectB, [
    { data: { text: secrets.B_TEXT.text, source: 'fixture' }, priority: 10 },
    ...free(30, 'bravo'),
  ]);

  // Overlap 2 in A: the annotator and a colleague share the first item; the colleague and a third
  // annotator fill the second, so the annotator never touches it.
  const own = await submitNext(h, users.annotator, projectA, secrets.A_OWN_ANSWER.text);
  const shared = await submitNext(h, colleague, projectA, secrets.A_SHARED_ANSWER.text);
  const other = await submitNext(h, colleague, projectA, secrets.A_OTHER_ANSWER.text);
  const filler = await submitNext(h, third, projectA, 'third annotator on the colleague item');
  expect([shared.item, other.item, filler.item]).toEqual([own.item, own.item + 1, own.item + 1]);
  const bravo = await submitNext(h, bravoAnnotator, projectB, secrets.B_ANSWER.text);
  const bravoLock = await h.call(bravoAnnotator, 'POST', `/api/projects/${projectB}/assignments/next`);
  expect(bravoLock.status).toBe(200);

  const suspend = await h.call(admin, 'PATCH', `/api/users/${users.suspended.id}`, { status: 'suspended' });
  expect(suspend.status).toBe(200);

  w = {
    h,
    users,
    colleague,
    third,
    bravoAnnotator,
    projectA,
    projectB,
    work: { A: own, other, B: bravo, bravoLock: bravoLock.body.assignment.id },
  };
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
            const status = typeof outcome === 'number' ? outcome : errorCodes[outcome].status;
            expect(res.status, res.text).toBe(status);
            if (typeof outcome === 'string') {
              const body = JSON.parse(res.text);
              expect(Object.keys(body)).toEqual(['error']);
              expect(body.error.code).toBe(outcome);
              expect(typeof body.error.message).toBe('string');
            }
            // Nothing the caller may not see, in any response; on success, all it may see.
            const shown =
              !c.shows || typeof outcome === 'string'
                ? []
                : typeof c.shows === 'function'
                  ? c.shows(kind)
                  : c.shows;
            for (const name of secretNames) {
              const { text, seenBy } = secrets[name];
              const allowed = (seenBy as readonly Kind[]).includes(kind);
              if (!allowed) expect(res.text, `${name} leaked to ${kind}`).not.toContain(text);
              else if (shown.includes(name)) expect(res.text, `${name} missing for ${kind}`).toContain(text);
            }
          });
        }
      }
    });
  }
});
