import { expect } from 'vitest';
import type { RouteDef } from '../../core/api/route.ts';
import { type ErrorCode, errorCodes } from '../../core/errors.ts';
import { insertUser } from '../users/users.repository.ts';
import { postItems } from './factories.ts';
import { type Harness, jsonl, sampleInterface, startHarness, type TestUser } from './harness.ts';

/**
 * The world of the role × route matrix (server/access.test.ts): the kinds of caller, the
 * outcomes, the secrets placed in the fixtures and who may see each, and the fixtures themselves.
 */

export const kinds = [
  'anonymous',
  'admin',
  'manager',
  'projectManager',
  'reviewer',
  'annotator',
  'outsider',
  'suspended',
] as const;
export type Kind = (typeof kinds)[number];
export type SignedIn = Exclude<Kind, 'anonymous' | 'suspended'>;
export type Outcome = 200 | 201 | 202 | 204 | ErrorCode;

/** The same outcome for every active signed-in caller. */
export const all = (o: Outcome): Record<SignedIn, Outcome> => ({
  admin: o,
  manager: o,
  projectManager: o,
  reviewer: o,
  annotator: o,
  outsider: o,
});
/** Routes that need a caller: no caller is 401, a suspended one 403, whatever the target. */
export const signedIn = (o: Record<SignedIn, Outcome>): Record<Kind, Outcome> => ({
  anonymous: 'UNAUTHENTICATED',
  suspended: 'ACCOUNT_SUSPENDED',
  ...o,
});

/** A manage-only action on project A: `o` for those who manage it, refused to its other members. */
export const managersOfA = (o: Outcome): Record<Kind, Outcome> =>
  signedIn({
    admin: o,
    manager: o,
    projectManager: o,
    reviewer: 'FORBIDDEN',
    annotator: 'FORBIDDEN',
    outsider: 'NOT_FOUND',
  });

/** Distinctive text placed in the fixtures; each names who may ever receive it. */
export const everyoneInA: Kind[] = ['admin', 'manager', 'projectManager', 'reviewer', 'annotator'];
export const viewersOfA: Kind[] = ['admin', 'manager', 'projectManager', 'reviewer'];
export const viewersOfB: Kind[] = ['admin', 'manager'];
export const secrets = {
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
export type Secret = keyof typeof secrets;
export const secretNames = Object.keys(secrets) as Secret[];

export interface Ids {
  item: number;
  assignment: number;
  annotation: number;
}
export interface World {
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

export interface Req {
  params?: Record<string, number | string>;
  query?: Record<string, string>;
  body?: unknown;
  /** A streamed body (imports) sent as-is with this content type. */
  raw?: { contentType: string; payload: string | Buffer };
  /** The bearer token to call with instead of the kind's own (for routes that revoke the caller's). */
  token?: string;
}
export interface Case {
  target: string;
  build(w: World, kind: Kind): Req | Promise<Req>;
  expect: Record<Kind, Outcome>;
  /** Secrets an all-seeing caller receives; each successful caller must receive exactly those it may see. */
  shows?: Secret[] | ((kind: Kind) => Secret[]);
}

let serial = 0;
export const unique = (what: string): string => `${what}-${++serial}-${Date.now()}`;
export const who = (w: World, kind: Kind): TestUser | null => (kind === 'anonymous' ? null : w.users[kind]);

export async function throwawayUser(w: World): Promise<number> {
  const row = await insertUser(w.h.verity.store.db, {
    email: `${unique('spare')}@example.org`,
    name: unique('Spare'),
    role: 'annotator',
    passwordHash: null,
  });
  return row.id;
}

/** The email of a new account nobody has shared a project with. */
export async function throwawayEmail(w: World): Promise<string> {
  const id = await throwawayUser(w);
  const row = await w.h.verity.store.db
    .selectFrom('users')
    .select('email')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.email!;
}

/** A pending invitation of the project, made by the admin; its id. */
export async function invitation(w: World, projectId: number): Promise<number> {
  const res = await w.h.call(w.users.admin, 'POST', `/api/projects/${projectId}/invitations`, {
    email: `${unique('invited')}@example.org`,
  });
  expect(res.status).toBe(201);
  return res.body.id;
}

/**
 * A stand-in for `kind` with its own account (same role, suspended when the kind is), for routes
 * that would otherwise revoke the fixture users' credentials; anonymous stays anonymous.
 */
export async function standIn(w: World, kind: Kind): Promise<Req> {
  if (kind === 'anonymous') return {};
  const user = await w.h.user(w.users[kind].role);
  if (kind === 'suspended') {
    const res = await w.h.call(w.users.admin, 'PATCH', `/api/users/${user.id}`, { status: 'suspended' });
    expect(res.status).toBe(200);
  }
  return { token: user.token };
}

export function urlOf(def: RouteDef, req: Req): string {
  const path = def.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = req.params?.[name];
    if (value === undefined) throw new Error(`${def.operationId}: no value for path parameter ${name}`);
    return String(value);
  });
  const query = new URLSearchParams(req.query ?? {}).toString();
  return query ? `${path}?${query}` : path;
}

export async function send(
  w: World,
  def: RouteDef,
  kind: Kind,
  req: Req,
): Promise<{ status: number; text: string }> {
  const token = req.token ?? who(w, kind)?.token;
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  let payload: string | Buffer | undefined;
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

export async function submitNext(
  h: Harness,
  user: TestUser,
  projectId: number,
  comment: string,
): Promise<Ids> {
  const next = await h.call(user, 'POST', `/api/projects/${projectId}/assignments/next`);
  expect(next.status, JSON.stringify(next.body)).toBe(200);
  const sub = await h.call(user, 'POST', `/api/assignments/${next.body.assignment.id}/submit`, {
    answers: { topic: 'geometry', comment },
    idempotencyKey: unique('fixture-key'),
  });
  expect(sub.status, JSON.stringify(sub.body)).toBe(200);
  return { item: next.body.item.id, assignment: next.body.assignment.id, annotation: sub.body.annotation.id };
}

/** The fixtures every case runs against: the users, projects A and B, and work in both. */
export async function buildWorld(): Promise<World> {
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
  await postItems(h.verity, admin, projectA, [
    { data: { text: secrets.A_OWN_TEXT.text, source: 'fixture' }, priority: 10 },
    { data: { text: secrets.A_OTHER_TEXT.text, source: 'fixture' }, priority: 9 },
    ...free(30, 'alpha'),
  ]);
  await postItems(h.verity, admin, projectB, [
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

  return {
    h,
    users,
    colleague,
    third,
    bravoAnnotator,
    projectA,
    projectB,
    work: { A: own, other, B: bravo, bravoLock: bravoLock.body.assignment.id },
  };
}

export function importBody(): Req['raw'] {
  return {
    contentType: 'application/x-ndjson',
    payload: jsonl([{ data: { text: unique('imported by the matrix'), source: 'matrix' } }]),
  };
}

/** Assignments belong to one annotator: anyone else, admins included, gets 404. */
export function assignmentCases(body: () => Req, ownOutcome: Outcome, shows: Secret[]): Case[] {
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

/**
 * The outcome expected, as status and error code; nothing the caller may not see, anywhere in the
 * response; and, on success, every secret in `shown`.
 */
export function checkResponse(
  res: { status: number; text: string },
  kind: Kind,
  outcome: Outcome,
  shown: Secret[],
) {
  const status = typeof outcome === 'number' ? outcome : errorCodes[outcome].status;
  expect(res.status, res.text).toBe(status);
  if (typeof outcome === 'string') {
    const body = JSON.parse(res.text);
    expect(Object.keys(body)).toEqual(['error']);
    expect(body.error.code).toBe(outcome);
    expect(typeof body.error.message).toBe('string');
  }
  for (const name of secretNames) {
    const { text, seenBy } = secrets[name];
    const allowed = (seenBy as readonly Kind[]).includes(kind);
    if (!allowed) expect(res.text, `${name} leaked to ${kind}`).not.toContain(text);
    else if (shown.includes(name)) expect(res.text, `${name} missing for ${kind}`).toContain(text);
  }
}
