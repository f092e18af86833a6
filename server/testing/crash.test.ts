import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVerity, type ServerConfig } from '../server.ts';
import {
  stopChild as kill,
  type ChildServer as Server,
  startChildServer as startServer,
} from './child-server.ts';
import { buildTeam, injectApi, newKey, type Team } from './factories.ts';
import { freshStoreConfig, type TestUser } from './harness.ts';

/**
 * Durability under a hard crash: annotators submit over real HTTP to a separate server process,
 * which is SIGKILLed mid-stream. After a restart on the same store, every submission the server
 * acknowledged must be there, and retrying the unacknowledged ones with their idempotency keys
 * must not create a single duplicate.
 */

const ANNOTATORS = 8;
const OVERLAP = 2;
const ITEMS = 60;
/** Acknowledged submissions to wait for before pulling the plug. */
const KILL_AFTER = 25;

/** One JSON request over real HTTP; throws when the connection fails (the server is gone). */
async function call(server: Server, who: TestUser, method: string, url: string, body?: unknown) {
  const res = await fetch(server.base + url, {
    method,
    headers: {
      authorization: `Bearer ${who.token}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

interface Attempt {
  who: TestUser;
  assignmentId: number;
  itemId: number;
  key: string;
  answers: { topic: string; comment: string };
}

let config: ServerConfig;
let cleanup: () => Promise<void>;
let team: Team;
const servers: Server[] = [];

beforeAll(async () => {
  ({ config, cleanup } = await freshStoreConfig());
  // Seed in-process, then close: the server processes open the store on their own.
  const seeding = await createVerity(config);
  try {
    team = await buildTeam(injectApi(seeding), { overlap: OVERLAP, items: ITEMS, annotators: ANNOTATORS });
  } finally {
    await seeding.close();
  }
});

afterAll(async () => {
  for (const s of servers) await kill(s, 'SIGKILL');
  await cleanup();
});

describe('a server killed mid-stream', () => {
  it('keeps every acknowledged submission, and retried keys add no duplicates', async () => {
    const first = await startServer(config);
    servers.push(first);
    const attempts: Attempt[] = [];
    const acked = new Set<Attempt>();
    let killing: Promise<void> | undefined;

    const annotate = async (who: TestUser) => {
      for (;;) {
        const work = await call(first, who, 'POST', `/api/projects/${team.projectId}/assignments/next`);
        if (work.status === 204) return;
        expect(work.status).toBe(200);
        const attempt: Attempt = {
          who,
          assignmentId: work.body.assignment.id,
          itemId: work.body.item.id,
          key: newKey(),
          answers: { topic: 'geometry', comment: `by ${who.email} on ${work.body.item.id}` },
        };
        attempts.push(attempt);
        const res = await call(first, who, 'POST', `/api/assignments/${attempt.assignmentId}/submit`, {
          answers: attempt.answers,
          idempotencyKey: attempt.key,
        });
        expect(res.status).toBe(200);
        acked.add(attempt);
        if (acked.size >= KILL_AFTER) killing ??= kill(first, 'SIGKILL');
      }
    };
    // Each annotator runs until the server vanishes under it (fetch then rejects).
    const outcomes = await Promise.allSettled(team.annotators.map(annotate));
    await killing;
    expect(killing, 'the server was killed before the annotators ran out of work').toBeDefined();
    for (const o of outcomes) {
      if (o.status === 'rejected') expect(String(o.reason)).toMatch(/fetch failed/);
    }
    expect(outcomes.some((o) => o.status === 'rejected')).toBe(true);

    const second = await startServer(config);
    servers.push(second);
    for (const a of acked) {
      const work = await call(second, a.who, 'GET', `/api/assignments/${a.assignmentId}`);
      expect(work.status).toBe(200);
      expect(work.body.annotation).toMatchObject({ status: 'submitted', answers: a.answers });
    }
    // The client retries what it never heard back about, with the same keys.
    const unacked = attempts.filter((a) => !acked.has(a));
    for (const a of unacked) {
      const res = await call(second, a.who, 'POST', `/api/assignments/${a.assignmentId}/submit`, {
        answers: a.answers,
        idempotencyKey: a.key,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.annotation.answers).toEqual(a.answers);
    }

    const exported = await fetch(`${second.base}/api/projects/${team.projectId}/export`, {
      headers: { authorization: `Bearer ${team.manager.token}` },
    });
    expect(exported.status).toBe(200);
    const lines = (await exported.text())
      .trim()
      .split('\n')
      .map(
        (l) => JSON.parse(l) as { id: number; annotations: { id: number; userId: number; status: string }[] },
      );
    const annotations = lines.flatMap((l) => l.annotations.map((n) => ({ ...n, itemId: l.id })));
    // Exactly one submitted annotation per attempt: nothing lost, nothing doubled.
    expect(annotations.filter((n) => n.status === 'submitted')).toHaveLength(attempts.length);
    for (const l of lines) {
      const users = l.annotations.map((n) => n.userId);
      expect(new Set(users).size, `item ${l.id}`).toBe(users.length);
      expect(users.length).toBeLessThanOrEqual(OVERLAP);
    }
    for (const a of attempts) {
      const mine = annotations.filter((n) => n.itemId === a.itemId && n.userId === a.who.id);
      expect(mine).toHaveLength(1);
      const history = await call(second, a.who, 'GET', `/api/annotations/${mine[0]!.id}/revisions`);
      expect(history.body.items.map((r: { kind: string }) => r.kind)).toEqual(['submit']);
    }
    await kill(second, 'SIGTERM');
  });
});
