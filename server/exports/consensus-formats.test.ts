import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../adjudication/testing.ts';
import { annotate } from '../testing/export-fixtures.ts';
import { addMembers, buildProject, postItems, seedUser } from '../testing/factories.ts';
import { type Harness, startHarness, type TestUser } from '../testing/harness.ts';

/**
 * sft and the preference formats made from the consensus (docs/exports.md, "From the consensus"),
 * on four items answered by three people, checked against values worked out by hand:
 *
 *   split   compare: Ann a (2), Ben a (1), Cat b (3); order: w>x>y>z, w>x>z>y, x>w>y>z; three
 *           different rewrites. Bradley–Terry with its prior (half a win and half a loss against
 *           an opponent of strength 1): a 1.34038, b 0.74605, P(a beats b) = 0.6424; w 5.7248,
 *           x 3.3881, y 0.2952, z 0.1747, so P(w>x) = P(y>z) = 0.6282, P(w>y) = P(x>z) = 0.951,
 *           P(w>z) = 0.9704, P(x>y) = 0.9199. The rewrites disagree: no sft line.
 *   level   compare: a, b and a tie; order: w>x>y>z, its reverse and all four tied: every
 *           candidate level, so no pair; the same rewrite from all three: one sft line.
 *   decided adjudicated: the final answer (b over a by 3, z>y>x>w, its own rewrite) is used.
 *   gold    a gold item: its gold answers (b over a by 2, y>{w,x}>z, the gold rewrite) are used.
 *
 * Dan's draft on `split` disagrees with everyone and never counts.
 */

let h: Harness;
let manager: TestUser;
let projectId: number;
const ids: Record<string, number> = {};

const iface = {
  fields: [
    { name: 'prompt', type: 'text' },
    { name: 'pair', type: 'responses' },
    { name: 'four', type: 'responses' },
  ],
  questions: [
    { name: 'compare', type: 'pairwise', field: 'pair' },
    { name: 'order', type: 'ranking', field: 'four', allowTies: true },
    { name: 'ideal', type: 'rewrite', field: 'pair' },
  ],
};

const data = (n: string) => ({
  prompt: `Question ${n}?`,
  pair: [
    { id: 'a', content: `A of ${n}` },
    { id: 'b', content: `B of ${n}` },
  ],
  four: ['w', 'x', 'y', 'z'].map((id) => ({ id, content: `${id} of ${n}` })),
});
const pref = (preferred: string | null, strength: number) => ({ preferred, strength });
const order = (...tiers: string[]) => ({ order: tiers.map((t) => t.split('')) });
const ideal = (text: string) => ({ text, source: 'a' });
const by = (annotator: string, answers: Record<string, unknown>, status = 'submitted') => ({
  annotator,
  answers,
  status,
});

beforeAll(async () => {
  h = await startHarness();
  manager = await seedUser(h.verity, 'manager');
  projectId = await buildProject(h, manager, { interface: iface, overlap: 3 });
  const adjudicator = await seedUser(h.verity, 'reviewer');
  await addMembers(h, manager, projectId, [adjudicator]);
  const set = await h.call(manager, 'PATCH', `/api/projects/${projectId}`, {
    adjudication: { threshold: 0.1, adjudicators: [adjudicator.id] },
  });
  expect(set.status, JSON.stringify(set.body)).toBe(200);
  await postItems(h.verity, manager, projectId, [
    {
      id: 'split',
      data: data('split'),
      annotations: [
        by('Ann', { compare: pref('a', 2), order: order('w', 'x', 'y', 'z'), ideal: ideal('one') }),
        by('Ben', { compare: pref('a', 1), order: order('w', 'x', 'z', 'y'), ideal: ideal('two') }),
        by('Cat', { compare: pref('b', 3), order: order('x', 'w', 'y', 'z'), ideal: ideal('three') }),
        by('Dan', { compare: pref('b', 3), order: order('z', 'y', 'x', 'w'), ideal: ideal('one') }, 'draft'),
      ],
    },
    {
      id: 'level',
      data: data('level'),
      annotations: [
        by('Ann', { compare: pref('a', 1), order: order('w', 'x', 'y', 'z'), ideal: ideal('same') }),
        by('Ben', { compare: pref('b', 1), order: order('z', 'y', 'x', 'w'), ideal: ideal('same') }),
        by('Cat', { compare: pref(null, 0), order: order('wxyz'), ideal: ideal('same') }),
      ],
    },
    {
      id: 'decided',
      data: data('decided'),
      annotations: [
        by('Ann', { compare: pref('a', 1), order: order('w', 'x', 'y', 'z'), ideal: ideal('mine') }),
        by('Ben', { compare: pref('b', 2), order: order('x', 'w', 'y', 'z'), ideal: ideal('yours') }),
        by('Cat', { compare: pref('a', 1), order: order('w', 'x', 'y', 'z'), ideal: ideal('mine') }),
      ],
    },
    {
      id: 'gold',
      data: data('gold'),
      gold: { compare: pref('b', 2), order: order('y', 'wx', 'z'), ideal: ideal('gold answer') },
    },
  ]);
  const items = await h.verity.store.db
    .selectFrom('items')
    .select(['id', 'externalId'])
    .where('projectId', '=', projectId)
    .execute();
  for (const i of items) ids[i.externalId!] = i.id;
  // A gold item is imported without annotations; the same three people answer it as served.
  const people = await h.verity.store.db
    .selectFrom('users')
    .select('id')
    .where('name', 'in', ['Ann', 'Ben', 'Cat'])
    .execute();
  // Ann's answer long ago, Ben's and Cat's later: a range can take Ann's alone.
  const times = [Date.UTC(2020, 0, 1), Date.UTC(2020, 5, 1), Date.UTC(2020, 5, 1)];
  const same = { compare: pref('a', 1), order: order('w', 'x', 'y', 'z'), ideal: ideal('one') };
  await annotate(
    h.verity,
    projectId,
    people.map((p, k) => ({
      itemId: ids.gold!,
      userId: p.id,
      status: 'submitted' as const,
      answers: same,
      times: [times[k]!, times[k]!, times[k]!] as [number, number, number],
    })),
  );
  const decided = await api(h, projectId).decide(adjudicator, ids.decided!, {
    answers: { compare: pref('b', 3), order: order('z', 'y', 'x', 'w'), ideal: ideal('the final word') },
  });
  expect(decided.status, JSON.stringify(decided.body)).toBe(200);
});
afterAll(async () => h.close());

async function lines(query: string): Promise<Record<string, any>[]> {
  const res = await h.call(manager, 'GET', `/api/projects/${projectId}/export?${query}`);
  expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
  const text = String(res.body);
  return text === ''
    ? []
    : text
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l));
}

/** A line as `item chosen>rejected margin method confidence annotators`. */
const brief = (l: Record<string, any>) =>
  `${l.item_id} ${l.chosen_id}>${l.rejected_id} ${l.margin} ${l.consensus_method} ${l.consensus_confidence} ${l.consensus_annotators}`;

describe('preference pairs from the consensus', () => {
  it('gives each item its agreed pairs: Bradley–Terry, adjudicated, gold; a level item none', async () => {
    const got = await lines('format=preference&consensus=majority');
    const [split, decided, gold] = [ids.split, ids.decided, ids.gold];
    expect(got.map(brief)).toEqual([
      `${split} a>b 1 bradley-terry 0.6424 3`,
      `${split} w>x 1 bradley-terry 0.6282 3`,
      `${split} w>y 2 bradley-terry 0.951 3`,
      `${split} w>z 3 bradley-terry 0.9704 3`,
      `${split} x>y 1 bradley-terry 0.9199 3`,
      `${split} x>z 2 bradley-terry 0.951 3`,
      `${split} y>z 1 bradley-terry 0.6282 3`,
      `${decided} b>a 3 adjudicated 1 3`,
      `${decided} z>y 1 adjudicated 1 3`,
      `${decided} z>x 2 adjudicated 1 3`,
      `${decided} z>w 3 adjudicated 1 3`,
      `${decided} y>x 1 adjudicated 1 3`,
      `${decided} y>w 2 adjudicated 1 3`,
      `${decided} x>w 1 adjudicated 1 3`,
      `${gold} b>a 2 gold 1 3`,
      `${gold} y>w 1 gold 1 3`,
      `${gold} y>x 1 gold 1 3`,
      `${gold} y>z 2 gold 1 3`,
      `${gold} w>z 1 gold 1 3`,
      `${gold} x>z 1 gold 1 3`,
    ]);
    const first = got[0]!;
    expect(Object.keys(first)).toEqual([
      'prompt',
      'chosen',
      'rejected',
      'margin',
      'item_id',
      'chosen_id',
      'rejected_id',
      'annotator',
      'consensus_method',
      'consensus_confidence',
      'consensus_annotators',
    ]);
    expect([first.prompt, first.chosen, first.rejected, first.annotator]).toEqual([
      'Question split?',
      'A of split',
      'B of split',
      null,
    ]);
  });

  it('takes neighbouring tiers only with pairs=adjacent, and any method asked (pairs are always Bradley–Terry)', async () => {
    const got = await lines(`format=preference&consensus=dawid-skene&pairs=adjacent&ids=${ids.split}`);
    expect(got.map(brief)).toEqual([
      `${ids.split} a>b 1 bradley-terry 0.6424 3`,
      `${ids.split} w>x 1 bradley-terry 0.6282 3`,
      `${ids.split} x>y 1 bradley-terry 0.9199 3`,
      `${ids.split} y>z 1 bradley-terry 0.6282 3`,
    ]);
  });

  it('writes the same pairs as messages (preference-chat) and in OpenAI’s shape with nothing added', async () => {
    const text = await lines('format=preference&consensus=majority');
    const chat = await lines('format=preference-chat&consensus=majority');
    expect(chat.map(brief)).toEqual(text.map(brief));
    expect(chat[0]!.prompt).toEqual([{ role: 'user', content: 'Question split?' }]);
    expect(chat[0]!.chosen).toEqual([{ role: 'assistant', content: 'A of split' }]);
    const openai = await lines('format=openai-preference&consensus=majority');
    expect(openai).toHaveLength(text.length);
    for (const l of openai)
      expect(Object.keys(l)).toEqual(['input', 'preferred_output', 'non_preferred_output']);
  });

  it('leaves the per-annotator lines as they were: each person’s pairs, drafts out, no consensus keys', async () => {
    const got = await lines('format=preference');
    // split 3 + 6 × 3, level 2 + 6 + 6 + 0, decided 3 + 6 × 3, gold 3 + 6 × 3.
    expect(got).toHaveLength(21 + 14 + 21 + 21);
    expect(new Set(got.map((l) => l.annotator))).toEqual(new Set(['Ann', 'Ben', 'Cat']));
    for (const l of got) expect(Object.keys(l).some((k) => k.startsWith('consensus_'))).toBe(false);
  });
});

describe('filters with the consensus', () => {
  it('choose the items, while every answer of an item counts', async () => {
    // Only Ann's answer on the gold item was submitted before 2020-01-02.
    const perAnnotator = await lines('format=preference&to=2020-01-02');
    expect(new Set(perAnnotator.map((l) => `${l.item_id} ${l.annotator}`))).toEqual(
      new Set([`${ids.gold} Ann`]),
    );
    const agreed = await lines('format=preference&consensus=majority&to=2020-01-02');
    expect(agreed.map(brief)).toHaveLength(6);
    for (const l of agreed)
      expect([l.item_id, l.consensus_method, l.consensus_annotators]).toEqual([ids.gold, 'gold', 3]);
    const sft = await lines('format=sft&consensus=majority&to=2020-01-02');
    expect(sft.map((l) => l.messages[1].content)).toEqual(['gold answer']);
  });
});

describe('sft from the consensus', () => {
  it('writes the adjudicated, gold and unanimous rewrites, and nothing where the rewrites disagree', async () => {
    const got = await lines('format=sft&consensus=majority');
    expect(got).toEqual([
      {
        messages: [
          { role: 'user', content: 'Question level?' },
          { role: 'assistant', content: 'same' },
        ],
      },
      {
        messages: [
          { role: 'user', content: 'Question decided?' },
          { role: 'assistant', content: 'the final word' },
        ],
      },
      {
        messages: [
          { role: 'user', content: 'Question gold?' },
          { role: 'assistant', content: 'gold answer' },
        ],
      },
    ]);
    // Per annotator: every submitted rewrite, the draft's left out.
    expect(await lines('format=sft')).toHaveLength(12);
  });
});

describe('the consensus parameter', () => {
  it('is refused with the formats it does not apply to, and with includeModels', async () => {
    for (const [query, path] of [
      ['format=kto&consensus=majority', 'query.consensus'],
      ['format=csv&consensus=majority', 'query.consensus'],
      ['format=sft&consensus=majority&includeModels=true', 'query.includeModels'],
    ] as const) {
      const res = await h.call(manager, 'GET', `/api/projects/${projectId}/export?${query}`);
      expect([res.status, res.body.error.code], query).toEqual([400, 'VALIDATION_FAILED']);
      expect(res.body.error.message, query).toMatch(new RegExp(`^${path.replace('.', '\\.')}: `));
    }
  });
});
