import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annotate } from '../testing/export-fixtures.ts';
import { buildProject, importItems, seedUser, validAnswers } from '../testing/factories.ts';
import { type Harness, startHarness, type TestUser } from '../testing/harness.ts';
import { grant, type Person, person, rosterOf } from '../testing/roster-fixture.ts';

/**
 * The roster's filters (docs/roster.md), each on people built for it: skills by the hierarchy
 * rule and level, the five states (contract states at the boundary second, by the server's
 * injected clock), project membership, contract end, last active and text; sort and paging.
 */
let h: Harness;
let admin: TestUser;
// The server's clock: whole seconds, so the boundary second is exact.
const base = Math.floor(Date.now() / 1000) * 1000;
let clock = base;
const tag = `Rf${Date.now().toString(36)}`;
const p: Record<string, Person> = {};
let projectId: number;
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

beforeAll(async () => {
  h = await startHarness({ clock: () => clock });
  admin = await seedUser(h.verity, 'admin');
  for (const label of ['Ann', 'Ben', 'Cat', 'Dan', 'Eve', 'Fay', 'Gus', 'Hal'])
    p[label] = await person(h.verity, tag, label);
  // Skills: Ann holds math at 2; Ben math at 3 but math.algebra at 1; Cat math.algebra at 3.
  await grant(h.verity, p.Ann!.id, { math: 2 }, admin.id);
  await grant(h.verity, p.Ben!.id, { math: 3, 'math.algebra': 1 }, admin.id);
  await grant(h.verity, p.Cat!.id, { 'math.algebra': 3, 'code.python': 1 }, admin.id);
  // States: Dan suspended, Eve offboarded, Fay's contract not started, Gus's ended at `base`.
  const status = async (action: string, who: Person) => {
    const res = await h.call(admin, 'POST', '/api/users/status', { action, userIds: [who.id] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  };
  await status('suspend', p.Dan!);
  await status('offboard', p.Eve!);
  const window = async (who: Person, body: object) => {
    const res = await h.call(admin, 'PATCH', `/api/users/${who.id}`, body);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  };
  await window(p.Fay!, { contractStart: iso(base + HOUR), contractEnd: iso(base + 10 * HOUR) });
  await window(p.Gus!, { contractStart: iso(base - 10 * HOUR), contractEnd: iso(base) });
  await window(p.Hal!, { contractEnd: iso(base + 48 * HOUR) });
  // A project with Ann and Cat; Ann submits twice (the last 3 days ago), Cat once (10 days ago).
  projectId = await buildProject(h, admin);
  for (const who of [p.Ann!, p.Cat!]) {
    const res = await h.call(admin, 'POST', `/api/projects/${projectId}/members`, { userId: who.id });
    expect(res.status).toBe(201);
  }
  const items = await importItems(h.verity, admin, projectId, [{}, {}, {}]);
  const at = (daysAgo: number) => base - daysAgo * 24 * HOUR;
  const done = (userId: number, itemId: number, t: number) => ({
    itemId,
    userId,
    status: 'submitted' as const,
    answers: validAnswers,
    times: [t, t, t] as [number, number, number],
  });
  await annotate(h.verity, projectId, [
    done(p.Ann!.id, items[0]!, at(5)),
    done(p.Ann!.id, items[1]!, at(3)),
    done(p.Cat!.id, items[0]!, at(10)),
  ]);
});
afterAll(async () => h.close());

/** The labels of the people the query names (within this test's tag), in the roster's order. */
const names = async (query: string) => {
  clock = base;
  const r = await rosterOf(h, admin, `q=${tag}&${query}`);
  return r.people.map((x) => x.name.slice(tag.length + 1));
};

describe('the roster filters', () => {
  it('lists everyone of the tag by name, with the total', async () => {
    const r = await rosterOf(h, admin, `q=${tag.toUpperCase()}`);
    expect(r.total).toBe(8);
    expect(r.scope).toBe('everyone');
    expect(r.people.map((x) => x.name)).toEqual(Object.keys(p).map((l) => `${tag} ${l}`));
  });

  it('matches skills by the hierarchy rule and the level', async () => {
    expect(await names('skill=math.algebra&minLevel=2')).toEqual(['Ann', 'Cat']);
    expect(await names('skill=math.algebra&minLevel=3')).toEqual(['Cat']);
    expect(await names('skill=math.algebra')).toEqual(['Ann', 'Ben', 'Cat']);
    expect(await names('skill=math&minLevel=2')).toEqual(['Ann', 'Ben']);
    expect(await names('skill=math.algebra.linear&minLevel=2')).toEqual(['Ann', 'Cat']);
    expect(await names('skill=code')).toEqual([]);
    const cat = (await rosterOf(h, admin, `q=${encodeURIComponent(`${tag} Cat`)}`)).people[0]!;
    expect(cat.skills).toEqual([
      expect.objectContaining({ skill: 'code.python', level: 1, source: 'granted', grantedBy: admin.email }),
      expect.objectContaining({ skill: 'math.algebra', level: 3, source: 'granted' }),
    ]);
  });

  it('tells the five states apart, contract states at the boundary second', async () => {
    expect(await names('status=suspended')).toEqual(['Dan']);
    expect(await names('status=offboarded')).toEqual(['Eve']);
    expect(await names('status=contract_not_started')).toEqual(['Fay']);
    expect(await names('status=contract_ended')).toEqual(['Gus']);
    expect(await names('status=active')).toEqual(['Ann', 'Ben', 'Cat', 'Hal']);
    expect(await names('status=suspended&status=offboarded')).toEqual(['Dan', 'Eve']);
    const at = async (ms: number, label: string) => {
      clock = ms;
      const r = await rosterOf(h, admin, `q=${encodeURIComponent(`${tag} ${label}`)}`);
      return r.people[0]!.status;
    };
    expect(await at(base - 1000, 'Gus')).toBe('active');
    expect(await at(base, 'Gus')).toBe('contract_ended');
    expect(await at(base + HOUR - 1000, 'Fay')).toBe('contract_not_started');
    expect(await at(base + HOUR, 'Fay')).toBe('active');
    clock = base;
  });

  it('keeps the members of a project, and filters by contract end and last active', async () => {
    expect(await names(`project=${projectId}`)).toEqual(['Ann', 'Cat']);
    expect(await names(`contractEndBefore=${iso(base + HOUR)}`)).toEqual(['Gus']);
    expect(await names(`contractEndBefore=${iso(base)}`)).toEqual([]);
    expect(await names(`contractEndAfter=${iso(base)}`)).toEqual(['Fay', 'Gus', 'Hal']);
    expect(await names(`contractEndAfter=${iso(base + 11 * HOUR)}`)).toEqual(['Hal']);
    const daysAgo = (d: number) => iso(base - d * 24 * HOUR);
    expect(await names(`lastActiveSince=${daysAgo(4)}`)).toEqual(['Ann']);
    expect(await names(`lastActiveSince=${daysAgo(10)}`)).toEqual(['Ann', 'Cat']);
    expect(await names(`lastActiveBefore=${daysAgo(4)}&status=active`)).toEqual(['Ben', 'Cat', 'Hal']);
    expect(await names(`lastActiveBefore=${daysAgo(3)}&lastActiveSince=${daysAgo(6)}`)).toEqual([]);
    const ann = (await rosterOf(h, admin, `q=${encodeURIComponent(`${tag} Ann`)}`)).people[0]!;
    expect(ann.lastActiveAt).toBe(daysAgo(3));
  });

  it('sorts by the figures and pages by offset', async () => {
    expect(await names('sort=itemsDone&order=desc&status=active')).toEqual(['Ann', 'Cat', 'Hal', 'Ben']);
    expect(await names('sort=lastActive&order=desc&limit=2')).toEqual(['Ann', 'Cat']);
    expect(await names('sort=contractEnd')).toEqual(['Gus', 'Fay', 'Hal', 'Ann', 'Ben', 'Cat', 'Dan', 'Eve']);
    expect(await names('sort=status&status=suspended&status=active&order=desc')).toEqual([
      'Dan',
      'Hal',
      'Cat',
      'Ben',
      'Ann',
    ]);
    const page = await rosterOf(h, admin, `q=${tag}&offset=2&limit=3`);
    expect(page.total).toBe(8);
    expect(page.people.map((x) => x.name.slice(-3))).toEqual(['Cat', 'Dan', 'Eve']);
  });

  it('names the parameter of a bad filter', async () => {
    const bad = async (query: string) => {
      const res = await h.call(admin, 'GET', `/api/roster?${query}`);
      expect(res.status).toBe(400);
      return res.body.error.message as string;
    };
    expect(await bad('minLevel=2')).toMatch(/query\.minLevel: needs a skill/);
    expect(await bad('skill=Math')).toMatch(/query\.skill: /);
    expect(await bad('skill=math&minLevel=4')).toMatch(/query\.minLevel/);
    expect(await bad('status=gone')).toMatch(/query\.status/);
    expect(await bad('lastActiveSince=yesterday')).toMatch(/query\.lastActiveSince: must be an ISO 8601/);
    expect(await bad('limit=501')).toMatch(/query\.limit/);
  });
});
