import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeRequirements, satisfies, shortfalls } from '../../core/skills.ts';
import {
  addMembers,
  buildProject,
  claimProblems,
  claimsOf,
  next,
  seedUser,
  skip,
  submit,
  validAnswers,
} from '../testing/factories.ts';
import { type Harness, startHarness, type TestUser } from '../testing/harness.ts';
import { addSkills, grant, importLines, itemIdsOf } from '../testing/skill-fixtures.ts';

/**
 * Routing by skill under concurrency, against a model (core/skills.ts): annotators with random
 * skills and levels race for items with random requirements. Every item handed out must go to
 * someone holding its levels; nobody holds an item twice; and when everyone has run out, no open
 * item is left that a qualified member has not touched (nothing silently stuck). Then some people
 * are granted more skills mid-run and race again, and the same must hold with their new skills.
 */

const SKILLS = ['math', 'math.algebra', 'math.geometry', 'physics', 'code', 'code.python'];
const OVERLAP = 2;
const ITEMS = 48;
const ANNOTATORS = 18;
const PROJECT_REQUIREMENT = { math: 1 };

/** A small seeded generator (mulberry32), so a failure replays. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const randomSkills = (r: () => number, most: number): Record<string, number> => {
  const out: Record<string, number> = {};
  const n = Math.floor(r() * (most + 1));
  for (let k = 0; k < n; k++) out[pick(r, SKILLS)] = 1 + Math.floor(r() * 3);
  return out;
};

let h: Harness;
let admin: TestUser;
beforeAll(async () => {
  h = await startHarness();
  admin = await seedUser(h.verity, 'admin');
  await addSkills(h, admin, SKILLS);
});
afterAll(async () => h.close());

interface Handout {
  userId: number;
  itemId: number;
}

/** One annotator: next → submit (a few skips) until 204 or SKILLS_MISSING; what they were handed. */
async function work(
  who: TestUser,
  projectId: number,
  r: () => number,
  out: Handout[],
): Promise<'done' | 'refused'> {
  for (let k = 0; k < 4 * ITEMS; k++) {
    const res = await next(h, who, projectId);
    if (res.status === 204) return 'done';
    if (res.status === 403 && res.body.error.code === 'SKILLS_MISSING') return 'refused';
    if (res.status !== 200) throw new Error(`next: ${res.status} ${JSON.stringify(res.body)}`);
    out.push({ userId: who.id, itemId: res.body.item.id });
    const done =
      r() < 0.1
        ? await skip(h, who, res.body.assignment.id, 'not now')
        : await submit(h, who, res.body.assignment.id, validAnswers);
    if (done.status !== 200) throw new Error(`submit/skip: ${done.status} ${JSON.stringify(done.body)}`);
  }
  throw new Error(`annotator ${who.id} never ran out of work`);
}

describe('routing by skill under concurrency (model-based)', () => {
  it('hands items only to people with the levels, never twice, and leaves nothing a qualified member could take', async () => {
    const r = rng(20260514);
    const manager = await seedUser(h.verity, 'manager');
    const projectId = await buildProject(h, manager, {
      overlap: OVERLAP,
      requiredSkills: PROJECT_REQUIREMENT,
    } as never);
    const lines = Array.from({ length: ITEMS }, (_, i) => {
      const skills = r() < 0.3 ? {} : randomSkills(r, 2);
      return {
        id: `i${i}`,
        data: { text: `item ${i}`, source: 's' },
        ...(Object.keys(skills).length ? { skills } : {}),
      };
    });
    expect((await importLines(h, manager, projectId, lines)).status).toBe(201);
    const ids = await itemIdsOf(h, projectId);
    const required = new Map<number, Record<string, number>>(
      lines.map((l) => [ids.get(l.id)!, mergeRequirements(PROJECT_REQUIREMENT, l.skills)]),
    );
    const annotators = await Promise.all(
      Array.from({ length: ANNOTATORS }, () => seedUser(h.verity, 'annotator')),
    );
    await addMembers(h, manager, projectId, annotators);
    const held = new Map<number, Map<string, number>>();
    for (const a of annotators) {
      const skills = randomSkills(r, 3);
      if (Object.keys(skills).length > 0) await grant(h, admin, a, skills);
      held.set(a.id, new Map(Object.entries(skills)));
    }

    const check = async (handouts: Handout[], outcomes: ('done' | 'refused')[]) => {
      for (const o of handouts)
        expect(
          satisfies(held.get(o.userId)!, required.get(o.itemId)!),
          `item ${o.itemId} to ${o.userId}`,
        ).toBe(true);
      for (const [k, a] of annotators.entries()) {
        const refused = shortfalls(held.get(a.id)!, PROJECT_REQUIREMENT).length > 0;
        expect(outcomes[k], `annotator ${a.id}`).toBe(refused ? 'refused' : 'done');
      }
      expect(await claimProblems(h, projectId, OVERLAP)).toEqual([]);
      // Nothing stuck: every open item has been touched by every qualified member.
      const touched = new Set(
        (await claimsOf(h, projectId))
          .filter((c) => c.status !== 'expired')
          .map((c) => `${c.itemId}/${c.userId}`),
      );
      const open = await h.verity.store.db
        .selectFrom('items')
        .select('id')
        .where('projectId', '=', projectId)
        .where('slotsLeft', '>', 0)
        .execute();
      for (const { id } of open)
        for (const a of annotators)
          if (satisfies(held.get(a.id)!, required.get(id)!))
            expect(touched.has(`${id}/${a.id}`), `item ${id} left open though ${a.id} qualifies`).toBe(true);
    };

    const first: Handout[] = [];
    const outcomes = await Promise.all(annotators.map((a, k) => work(a, projectId, rng(k + 1), first)));
    expect(first.length).toBeGreaterThan(0);
    await check(first, outcomes);

    // Mid-run grants: some people gain skills (and some get the project's own); they race again.
    for (const a of annotators.filter(() => r() < 0.5)) {
      const more = { ...randomSkills(r, 2), ...(r() < 0.5 ? { math: 1 + Math.floor(r() * 3) } : {}) };
      if (Object.keys(more).length === 0) continue;
      await grant(h, admin, a, more);
      for (const [s, l] of Object.entries(more)) held.get(a.id)!.set(s, l);
    }
    const second: Handout[] = [];
    const again = await Promise.all(annotators.map((a, k) => work(a, projectId, rng(100 + k), second)));
    await check(second, again);
  });
});
