import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProject, next, postItems, seedUser, submit } from '../testing/factories.ts';
import { type Harness, startHarness, type TestUser } from '../testing/harness.ts';
import { type Person, person, rosterOf } from '../testing/roster-fixture.ts';

/**
 * The roster's figures against values worked out by hand (docs/roster.md), and what a project
 * manager sees of people: only the members of the projects they manage, and only those projects'
 * work, whatever they ask.
 *
 * Project P: three tutors answer every item (overlap 3) through the work loop; the three gold
 * items come first (warm-up 3) and are scored on submit. `topic` per item, tutors T1 T2 T3:
 *
 *   g1 (gold a): a a g    g2 (gold g): g a g    g3 (gold a): a a a
 *   o1:          a a g    o2:          g g g    o3:          a g o
 *
 * Gold: T1 3/3, T2 2/3, T3 2/3. Agreement with the other two's majority (a tie is not counted):
 * T1 agrees on g3, o2 (2/2); T2 on g3, o2 and not g2 (2/3); T3 on g3, o2, not g1, o1 (2/4).
 * Project Q: T1 and T4 submit one item each; P's manager does not manage Q.
 */
let h: Harness;
let admin: TestUser;
let pm: Person;
const tag = `Rg${Date.now().toString(36)}`;
const t: Person[] = [];
let outsider: Person;
let projectP: number;
let projectQ: number;

const iface = {
  fields: [{ name: 'text', type: 'text' }],
  questions: [{ name: 'topic', type: 'choice', options: ['algebra', 'geometry', 'other'], required: true }],
};
const L: Record<string, string> = { a: 'algebra', g: 'geometry', o: 'other' };
const ANSWERS: Record<string, string> = { g1: 'aag', g2: 'gag', g3: 'aaa', o1: 'aag', o2: 'ggg', o3: 'ago' };
const ACTIVE_MS = [1000, 2500, 40_000];

/** `who` takes every item the work loop hands them and answers it from the table. */
async function workThrough(who: Person, k: number, projectId: number) {
  for (;;) {
    const got = await next(h, who, projectId);
    if (got.status === 204) return;
    expect(got.status, JSON.stringify(got.body)).toBe(200);
    const letters = ANSWERS[got.body.item.externalId as string]!;
    const answer = { topic: L[letters[k]!] };
    const res = await submit(h, who, got.body.assignment.id, answer, undefined, ACTIVE_MS[k]);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
}

beforeAll(async () => {
  h = await startHarness();
  admin = await seedUser(h.verity, 'admin');
  for (const label of ['T1', 'T2', 'T3']) t.push(await person(h.verity, tag, label));
  outsider = await person(h.verity, tag, 'T4');
  pm = await person(h.verity, tag, 'PM');
  const member = async (projectId: number, who: Person, role = 'annotator') => {
    const res = await h.call(admin, 'POST', `/api/projects/${projectId}/members`, { userId: who.id, role });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  };
  projectP = await buildProject(h, admin, { interface: iface, overlap: 3 });
  const gold = await h.call(admin, 'PATCH', `/api/projects/${projectP}`, { gold: { warmup: 3 } });
  expect(gold.status, JSON.stringify(gold.body)).toBe(200);
  await postItems(
    h.verity,
    admin,
    projectP,
    Object.keys(ANSWERS).map((id) => ({
      id,
      data: { text: id },
      ...(id.startsWith('g') ? { gold: { topic: id === 'g2' ? 'geometry' : 'algebra' } } : {}),
    })),
  );
  for (const who of t) await member(projectP, who);
  await member(projectP, pm, 'manager');
  for (const [k, who] of t.entries()) await workThrough(who, k, projectP);

  projectQ = await buildProject(h, admin, { interface: iface, overlap: 2 });
  await postItems(h.verity, admin, projectQ, [{ id: 'q1', data: { text: 'q1' } }]);
  ANSWERS.q1 = 'aaaa';
  for (const who of [t[0]!, outsider]) {
    await member(projectQ, who);
    await workThrough(who, 0, projectQ);
  }
});
afterAll(async () => h.close());

const find = (r: Awaited<ReturnType<typeof rosterOf>>, who: Person) => r.people.find((x) => x.id === who.id);

describe('the roster figures', () => {
  it('counts items done, active time, gold accuracy with its Wilson interval and agreement in a project', async () => {
    const r = await rosterOf(h, admin, `project=${projectP}&q=${tag}`);
    const [t1, t2, t3] = t.map((who) => find(r, who)!);
    expect([t1!.itemsDone, t2!.itemsDone, t3!.itemsDone]).toEqual([6, 6, 6]);
    expect([t1!.activeMs, t2!.activeMs, t3!.activeMs]).toEqual([6000, 15_000, 240_000]);
    expect(t1!.gold).toMatchObject({ n: 3, accuracy: 1 });
    expect(t1!.gold.interval.low).toBeCloseTo(0.4385, 4);
    expect(t1!.gold.interval.high).toBe(1);
    for (const x of [t2!, t3!]) {
      expect(x.gold.n).toBe(3);
      expect(x.gold.accuracy).toBeCloseTo(2 / 3, 10);
      expect(x.gold.interval.low).toBeCloseTo(0.2077, 4);
      expect(x.gold.interval.high).toBeCloseTo(0.9385, 4);
    }
    expect(t1!.agreement).toEqual({ agreed: 2, units: 2, rate: 1 });
    expect(t2!.agreement).toEqual({ agreed: 2, units: 3, rate: 2 / 3 });
    expect(t3!.agreement).toEqual({ agreed: 2, units: 4, rate: 0.5 });
    // The manager of P, a member with no work: nothing done, nothing measured.
    expect(find(r, pm)).toMatchObject({ itemsDone: 0, activeMs: 0, lastActiveAt: null });
    expect(find(r, pm)!.agreement).toEqual({ agreed: 0, units: 0, rate: null });
  });

  it('counts every project without one, and shows agreement only with a project', async () => {
    const r = await rosterOf(h, admin, `q=${tag}`);
    expect(find(r, t[0]!)).toMatchObject({ itemsDone: 7, activeMs: 7000, agreement: null });
    expect(find(r, outsider)).toMatchObject({ itemsDone: 1, agreement: null });
    expect(find(r, t[0]!)!.gold.n).toBe(3);
  });

  it('writes the same figures in the CSV', async () => {
    const res = await h.call(admin, 'GET', `/api/roster.csv?project=${projectP}&q=${tag}&sort=email`);
    expect(res.status).toBe(200);
    const lines = String(res.body).trim().split('\r\n');
    expect(lines[0]).toBe(
      'id,email,name,role,status,contract_start,contract_end,skills,items_done,active_minutes,gold_scored,gold_accuracy,gold_low,gold_high,agreement_agreed,agreement_units,agreement_rate,last_active,assessments',
    );
    expect(lines).toHaveLength(5);
    const t3 = lines.find((l) => l.startsWith(`${t[2]!.id},`))!;
    expect(t3).toMatch(
      new RegExp(
        `^${t[2]!.id},${t[2]!.email},${tag} T3,annotator,active,,,,6,4\\.00,3,0\\.6667,0\\.2077,0\\.9385,2,4,0\\.5000,\\d{4}-`,
      ),
    );
  });

  it("shows each person's latest attempt at each assessment, in the table and the CSV", async () => {
    const db = h.verity.store.db;
    await db
      .insertInto('skills')
      .values({ name: 'roster.check', description: '', createdBy: null, createdAt: 1 })
      .execute();
    const attempt = (attemptNo: number, status: 'failed' | 'passed', score: number) => ({
      projectId: projectQ,
      userId: t[1]!.id,
      attemptNo,
      status,
      skill: 'roster.check',
      level: 2,
      passMark: 0.8,
      score,
      results: '[]',
      startedAt: Date.parse('2026-01-0' + attemptNo + 'T10:00:00Z'),
      finishedAt: Date.parse('2026-01-0' + attemptNo + 'T11:00:00Z'),
      scoredAt: Date.parse('2026-01-0' + attemptNo + 'T11:00:00Z'),
    });
    await db
      .insertInto('assessmentAttempts')
      .values([attempt(1, 'failed', 0.5), attempt(2, 'passed', 0.9)])
      .execute();
    const r = await rosterOf(h, admin, `q=${tag}`);
    expect(find(r, t[1]!)!.assessments).toEqual([
      {
        projectId: projectQ,
        projectName: expect.any(String),
        skill: 'roster.check',
        level: 2,
        status: 'passed',
        score: 0.9,
        finishedAt: '2026-01-02T11:00:00.000Z',
      },
    ]);
    expect(find(r, t[0]!)!.assessments).toEqual([]);
    const csv = await h.call(admin, 'GET', `/api/roster.csv?q=${tag}`);
    const line = String(csv.body)
      .split('\r\n')
      .find((l) => l.startsWith(`${t[1]!.id},`))!;
    expect(line.endsWith(',roster.check:2 passed 0.9000')).toBe(true);
  });
});

describe("a project manager's view of the roster", () => {
  it('holds the members of their projects only, with those projects’ work', async () => {
    const r = await rosterOf(h, pm, `q=${tag}`);
    expect(r.scope).toBe('managed projects');
    expect(r.people.map((x) => x.id).sort()).toEqual([...t.map((x) => x.id), pm.id].sort());
    expect(find(r, t[0]!)).toMatchObject({ itemsDone: 6, activeMs: 6000 });
  });

  it('never reveals someone outside their projects, whatever they ask', async () => {
    const everyone = await rosterOf(h, pm, 'limit=500');
    expect(everyone.people.map((x) => x.id)).not.toContain(outsider.id);
    expect(everyone.people.map((x) => x.id)).not.toContain(admin.id);
    for (const query of [
      `q=${encodeURIComponent(outsider.email)}`,
      `q=${encodeURIComponent(outsider.email)}&sort=itemsDone&order=desc`,
      'lastActiveSince=2000-01-01&status=active&status=suspended',
    ]) {
      const r = await rosterOf(h, pm, query);
      expect(r.people.map((x) => x.id)).not.toContain(outsider.id);
      if (query.startsWith('q=')) expect(r.total).toBe(0);
    }
    const other = await h.call(pm, 'GET', `/api/roster?project=${projectQ}`);
    expect([other.status, other.body.error.code]).toEqual([404, 'NOT_FOUND']);
    const csv = await h.call(pm, 'GET', '/api/roster.csv');
    expect(csv.status).toBe(200);
    expect(String(csv.body)).not.toContain(outsider.email);
    expect(String(csv.body)).toContain(t[0]!.email);
    // A tutor who manages nothing is refused outright.
    const tutor = await h.call(t[0]!, 'GET', '/api/roster');
    expect([tutor.status, tutor.body.error.code]).toEqual([403, 'FORBIDDEN']);
  });
});
