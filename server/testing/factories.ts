import { randomBytes } from 'node:crypto';
import type { Role } from '../../core/api/users.ts';
import { createToken } from '../auth/auth.service.ts';
import type { Verity } from '../server.ts';
import { insertUser } from '../users/users.repository.ts';
import { type Harness, injectApi, jsonl, sampleInterface, type TestUser } from './harness.ts';

export { injectApi };

/** Builders for the assignment tests: projects, items, teams, and the claim rows they leave behind. */

/** What the builders need: a store and JSON calls. A Harness is one; `injectApi` makes one from any Verity. */
export type Api = Pick<Harness, 'call' | 'verity'>;

export interface ProjectOptions {
  overlap?: number;
  lockTtlSeconds?: number;
  itemOrder?: 'sequential' | 'random';
  allowEditSubmitted?: boolean;
  /** Another interface than sampleInterface. */
  interface?: unknown;
  /** Adaptive overlap (docs/quality.md); `overlap` is then the minimum. */
  adaptiveOverlap?: { max: number; threshold: number } | null;
}

export interface ItemSpec {
  id?: string;
  priority?: number;
  text?: string;
}

export interface Team {
  manager: TestUser;
  projectId: number;
  /** Item ids in import order. */
  itemIds: number[];
  annotators: TestUser[];
}

/** A valid full answer set for `sampleInterface`. */
export const validAnswers = { topic: 'algebra' } as const;

let keys = 0;
/** A fresh idempotency key (the API wants at least 8 characters). */
export const newKey = (): string => `key-${process.pid}-${++keys}-${randomBytes(4).toString('hex')}`;

export async function buildProject(h: Api, manager: TestUser, opts: ProjectOptions = {}): Promise<number> {
  const res = await h.call(manager, 'POST', '/api/projects', {
    name: 'Assignments',
    interface: sampleInterface,
    ...opts,
  });
  if (res.status !== 201) throw new Error(`create project: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/** Posts `rows` (item lines) to the project's import as JSONL; every one must go in. */
export async function postItems(
  verity: Verity,
  user: TestUser,
  projectId: number,
  rows: unknown[],
): Promise<void> {
  const res = await verity.app.inject({
    method: 'POST',
    url: `/api/projects/${projectId}/items`,
    headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/x-ndjson' },
    payload: jsonl(rows),
  });
  if (res.statusCode !== 201) throw new Error(`import: ${res.statusCode} ${res.body}`);
}

/** Imports items through the API and returns their ids in import order. */
export async function importItems(
  verity: Verity,
  manager: TestUser,
  projectId: number,
  specs: ItemSpec[],
): Promise<number[]> {
  await postItems(
    verity,
    manager,
    projectId,
    specs.map((s, i) => ({
      ...(s.id !== undefined ? { id: s.id } : {}),
      ...(s.priority !== undefined ? { priority: s.priority } : {}),
      data: { text: s.text ?? `item ${i}`, source: 'factory' },
    })),
  );
  const rows = await verity.store.db
    .selectFrom('items')
    .select('id')
    .where('projectId', '=', projectId)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

export async function addMembers(
  h: Api,
  manager: TestUser,
  projectId: number,
  users: TestUser[],
): Promise<void> {
  for (const u of users) {
    const res = await h.call(manager, 'POST', `/api/projects/${projectId}/members`, { userId: u.id });
    if (res.status !== 201) throw new Error(`add member: ${res.status} ${JSON.stringify(res.body)}`);
  }
}

/** A user with an API token, written straight to the store (no password: these users never log in). */
export async function seedUser(verity: Verity, role: Role): Promise<TestUser> {
  const email = `${role}-${randomBytes(5).toString('hex')}@example.org`;
  const row = await insertUser(verity.store.db, { email, name: email, role, passwordHash: null });
  const token = await createToken(verity.ctx, row.id, 'test');
  return { id: row.id, email, role, token: token.token, password: '' };
}

/** A manager, a project with `items` items, and `annotators` members, all on a fresh project. */
export async function buildTeam(
  h: Api,
  opts: ProjectOptions & { items: number | ItemSpec[]; annotators: number },
): Promise<Team> {
  const { items, annotators: count, ...settings } = opts;
  const manager = await seedUser(h.verity, 'manager');
  const projectId = await buildProject(h, manager, settings);
  const specs = typeof items === 'number' ? Array.from({ length: items }, (): ItemSpec => ({})) : items;
  const itemIds = await importItems(h.verity, manager, projectId, specs);
  const annotators = await Promise.all(Array.from({ length: count }, () => seedUser(h.verity, 'annotator')));
  await addMembers(h, manager, projectId, annotators);
  return { manager, projectId, itemIds, annotators };
}

export const next = (h: Api, who: TestUser, projectId: number) =>
  h.call(who, 'POST', `/api/projects/${projectId}/assignments/next`);

export const submit = (
  h: Api,
  who: TestUser,
  assignmentId: number,
  answers: unknown,
  key = newKey(),
  activeMs = 0,
) =>
  h.call(who, 'POST', `/api/assignments/${assignmentId}/submit`, { answers, idempotencyKey: key, activeMs });

export const saveDraft = (h: Api, who: TestUser, assignmentId: number, answers: unknown, activeMs = 0) =>
  h.call(who, 'PUT', `/api/assignments/${assignmentId}/draft`, { answers, activeMs });

export const skip = (h: Api, who: TestUser, assignmentId: number, reason?: string) =>
  h.call(who, 'POST', `/api/assignments/${assignmentId}/skip`, reason === undefined ? {} : { reason });

/** Moves one lock's expiry into the past, as if its TTL had run out. */
export async function expireLock(h: Api, assignmentId: number): Promise<void> {
  await h.verity.store.db
    .updateTable('assignments')
    .set({ lockExpiresAt: Date.now() - 1 })
    .where('id', '=', assignmentId)
    .execute();
}

export interface ClaimRow {
  itemId: number;
  userId: number;
  status: 'locked' | 'submitted' | 'skipped' | 'expired';
}

/** Every assignment row of a project, straight from the store. */
export const claimsOf = (h: Api, projectId: number): Promise<ClaimRow[]> =>
  h.verity.store.db
    .selectFrom('assignments')
    .select(['itemId', 'userId', 'status'])
    .where('projectId', '=', projectId)
    .orderBy('id')
    .execute();

/**
 * The claim invariants, checked against the store: no (item, user) pair twice, never more live
 * claims (locks plus submissions) than the overlap (an item's own target once adaptive overlap
 * grew it, docs/quality.md), and the counters the claim path trusts
 * (slotsLeft, submittedCount) equal to what the rows say (no free slot while an item awaits
 * its candidates). Returns the problems found.
 */
export async function claimProblems(h: Api, projectId: number, overlap: number): Promise<string[]> {
  const problems: string[] = [];
  const claims = await claimsOf(h, projectId);
  const pairs = new Set<string>();
  const live = new Map<number, number>();
  const submitted = new Map<number, number>();
  for (const c of claims) {
    const pair = `${c.itemId}/${c.userId}`;
    if (pairs.has(pair)) problems.push(`user ${c.userId} holds item ${c.itemId} twice`);
    pairs.add(pair);
    if (c.status === 'locked' || c.status === 'submitted') live.set(c.itemId, (live.get(c.itemId) ?? 0) + 1);
    if (c.status === 'submitted') submitted.set(c.itemId, (submitted.get(c.itemId) ?? 0) + 1);
  }
  const items = await h.verity.store.db
    .selectFrom('items')
    .select(['id', 'slotsLeft', 'submittedCount', 'awaiting', 'target'])
    .where('projectId', '=', projectId)
    .execute();
  const annotations = await h.verity.store.db
    .selectFrom('annotations')
    .select(['itemId', 'userId'])
    .where('projectId', '=', projectId)
    .where('status', '=', 'submitted')
    .execute();
  const submittedAnnotations = new Map<number, number>();
  for (const a of annotations)
    submittedAnnotations.set(a.itemId, (submittedAnnotations.get(a.itemId) ?? 0) + 1);
  for (const i of items) {
    const l = live.get(i.id) ?? 0;
    const s = submitted.get(i.id) ?? 0;
    const target = i.target ?? overlap;
    if (l > target) problems.push(`item ${i.id} has ${l} live claims, its target is ${target}`);
    // An item awaiting its candidates has no free slot (docs/generation.md).
    const free = i.awaiting === 1 ? 0 : Math.max(0, target - l);
    if (i.slotsLeft !== free) problems.push(`item ${i.id}: slotsLeft ${i.slotsLeft}, claims say ${free}`);
    if (i.submittedCount !== s)
      problems.push(`item ${i.id}: submittedCount ${i.submittedCount}, rows say ${s}`);
    if ((submittedAnnotations.get(i.id) ?? 0) !== s) {
      problems.push(
        `item ${i.id}: ${submittedAnnotations.get(i.id) ?? 0} submitted annotations, ${s} submitted assignments`,
      );
    }
  }
  return problems;
}

/**
 * A model judge's account written straight into the store (its connection id need not exist):
 * its annotations count as a judge's, left out of the people's figures.
 */
export async function seedJudgeAccount(verity: Verity, name: string): Promise<number> {
  const row = await verity.store.db
    .insertInto('users')
    .values({
      email: null,
      name,
      role: 'annotator',
      status: 'active',
      passwordHash: null,
      external: 0,
      createdAt: Date.now(),
      modelConnectionId: 999,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
