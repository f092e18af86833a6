import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postItems, seedUser } from '../testing/factories.ts';
import { type Harness, startHarness, type TestUser } from '../testing/harness.ts';
import { tutorInterface, tutorLine } from '../testing/tutor-fixture.ts';

/**
 * Each export format read back through the API and checked against its rules (docs/exports.md),
 * with the JSONL export of the same project as the oracle: which answers there are, and what the
 * items hold. More items than a page of records on either store (1,000), so the formats are fed
 * across pages.
 */
const ITEMS = 1_050;

let h: Harness;
let manager: TestUser;
let projectId: number;
/** The JSONL export's lines, parsed. */
let items: JsonlItem[];

interface JsonlAnnotation {
  annotator: string;
  status: string;
  answers: Record<string, any>;
}
interface JsonlItem {
  id: number;
  externalId: string;
  data: Record<string, any>;
  annotations: JsonlAnnotation[];
}

async function get(query: string) {
  const res = await h.verity.app.inject({
    method: 'GET',
    url: `/api/projects/${projectId}/export?${query}`,
    headers: { authorization: `Bearer ${manager.token}` },
  });
  return {
    status: res.statusCode,
    type: String(res.headers['content-type']),
    disposition: String(res.headers['content-disposition']),
    text: res.body,
  };
}

async function lines(query: string): Promise<Record<string, any>[]> {
  const res = await get(query);
  expect(res.status, res.text.slice(0, 300)).toBe(200);
  expect(res.type).toBe('application/x-ndjson; charset=utf-8');
  return res.text === ''
    ? []
    : res.text
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l));
}

const byId = () => new Map(items.map((i) => [i.id, i]));
const submittedOf = (item: JsonlItem) => item.annotations.filter((a) => a.status === 'submitted');
const content = (item: JsonlItem, field: string, id: string): string =>
  item.data[field].find((c: { id: string }) => c.id === id).content;

/** The expected prompt messages: a run of one role merged, as docs/exports.md says. */
function promptOf(item: JsonlItem): { role: string; content: string }[] {
  const out: { role: string; content: string }[] = [];
  for (const t of item.data.conversation) {
    const last = out[out.length - 1];
    if (last && last.role === t.role) last.content += `\n\n${t.content}`;
    else out.push({ role: t.role, content: t.content });
  }
  return out;
}

/** The expected pairs of an item, as `chosen>rejected:margin`, in the order the export writes them. */
function expectedPairs(item: JsonlItem, mode: 'all' | 'adjacent'): string[] {
  const out: string[] = [];
  for (const a of submittedOf(item)) {
    const { preferred, strength } = a.answers.compare;
    if (preferred !== null) out.push(`${preferred}>${preferred === 'a' ? 'b' : 'a'}:${strength}`);
    const tiers: string[][] = a.answers.order.order;
    for (let i = 0; i < tiers.length; i++)
      for (let j = i + 1; j < tiers.length && (mode === 'all' || j === i + 1); j++)
        for (const c of tiers[i]!) for (const r of tiers[j]!) out.push(`${c}>${r}:${j - i}`);
  }
  return out;
}

beforeAll(async () => {
  h = await startHarness();
  manager = await seedUser(h.verity, 'manager');
  const res = await h.call(manager, 'POST', '/api/projects', { name: 'Tutor', interface: tutorInterface });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  projectId = res.body.id;
  const rows = Array.from({ length: ITEMS }, (_, n) => tutorLine(n));
  for (let at = 0; at < rows.length; at += 500)
    await postItems(h.verity, manager, projectId, rows.slice(at, at + 500));
  items = (await lines('format=jsonl')) as JsonlItem[];
  expect(items).toHaveLength(ITEMS);
});
afterAll(async () => h.close());

describe('preference formats', () => {
  it('preference: every pair of the submitted answers, no tie, sharing the prompt, ids mapping back', async () => {
    const got = await lines('format=preference');
    const items_ = byId();
    const expected = items.flatMap((item) => expectedPairs(item, 'all').map((p) => `${item.id} ${p}`));
    expect(got.map((l) => `${l.item_id} ${l.chosen_id}>${l.rejected_id}:${l.margin}`)).toEqual(expected);
    for (const l of got) {
      const item = items_.get(l.item_id)!;
      const field = ['a', 'b'].includes(l.chosen_id) ? 'pair' : 'four';
      expect(l.chosen).toBe(content(item, field, l.chosen_id));
      expect(l.rejected).toBe(content(item, field, l.rejected_id));
      expect(l.chosen_id).not.toBe(l.rejected_id);
      expect(l.margin).toBeGreaterThan(0);
      expect(l.annotator).toBe('Tutor One');
      const prompt = promptOf(item);
      expect(l.prompt).toBe(
        prompt.map((m) => `${m.role[0]!.toUpperCase()}${m.role.slice(1)}: ${m.content}`).join('\n\n'),
      );
      expect(Object.keys(l)).toEqual([
        'prompt',
        'chosen',
        'rejected',
        'margin',
        'item_id',
        'chosen_id',
        'rejected_id',
        'annotator',
      ]);
    }
  });

  it('pairs=adjacent pairs neighbouring tiers only', async () => {
    const got = await lines('format=preference&pairs=adjacent');
    const expected = items.flatMap((item) => expectedPairs(item, 'adjacent').map((p) => `${item.id} ${p}`));
    expect(got.map((l) => `${l.item_id} ${l.chosen_id}>${l.rejected_id}:${l.margin}`)).toEqual(expected);
    expect(expected.length).toBeLessThan((await lines('format=preference')).length);
  });

  it('preference-chat keeps the prompt as messages and the answers as assistant turns', async () => {
    const got = await lines('format=preference-chat');
    const items_ = byId();
    expect(got).toHaveLength(items.flatMap((i) => expectedPairs(i, 'all')).length);
    for (const l of got) {
      const item = items_.get(l.item_id)!;
      expect(l.prompt).toEqual(promptOf(item));
      expect(l.chosen).toEqual([{ role: 'assistant', content: expect.any(String) }]);
      expect(l.rejected).toEqual([{ role: 'assistant', content: expect.any(String) }]);
    }
  });

  it("openai-preference is exactly OpenAI's DPO shape", async () => {
    const got = await lines('format=openai-preference&pairs=adjacent');
    expect(got).toHaveLength(items.flatMap((i) => expectedPairs(i, 'adjacent')).length);
    for (const l of got) {
      expect(Object.keys(l)).toEqual(['input', 'preferred_output', 'non_preferred_output']);
      expect(Object.keys(l.input)).toEqual(['messages']);
      const body = l.input.messages.filter((m: { role: string }) => m.role !== 'system');
      expect(body[body.length - 1].role).toBe('user');
      for (const side of [l.preferred_output, l.non_preferred_output]) {
        expect(side).toHaveLength(1);
        expect(Object.keys(side[0])).toEqual(['role', 'content']);
        expect(side[0].role).toBe('assistant');
      }
    }
  });
});

describe('from the consensus, across pages', () => {
  // One person's answers per item: their consensus is their own answer (a draft never counts).
  it('preference: each ranking’s pairs and each preference, margin 1, as Bradley–Terry orders them', async () => {
    const got = await lines('format=preference&consensus=majority');
    // A preference between a and b has margin 1 from the consensus, whatever its strength.
    const margin1 = (p: string) => (p.startsWith('a>') || p.startsWith('b>') ? p.replace(/:\d$/, ':1') : p);
    const expected = items.flatMap((item) =>
      expectedPairs(item, 'all').map((p) => `${item.id} ${margin1(p)}`),
    );
    expect(got.map((l) => `${l.item_id} ${l.chosen_id}>${l.rejected_id}:${l.margin}`)).toEqual(expected);
    for (const l of got) {
      expect([l.annotator, l.consensus_method, l.consensus_annotators]).toEqual([null, 'bradley-terry', 1]);
      expect(l.consensus_confidence).toBeGreaterThan(0.5);
      expect(l.consensus_confidence).toBeLessThan(1);
    }
  });

  it('sft: each item’s one rewrite is unanimous, so the lines are the per-annotator ones', async () => {
    expect(await lines('format=sft&consensus=weighted')).toEqual(await lines('format=sft'));
  });
});

describe('sft, kto and grades', () => {
  it('sft: one example per rewrite and rewritten turn, roles alternating, the last the assistant', async () => {
    const got = await lines('format=sft');
    const rewrittenTurns = items.filter((i) => submittedOf(i)[0]!.answers.per_turn.turns[0].rewrite).length;
    expect(got).toHaveLength(items.length + rewrittenTurns);
    for (const { messages, ...rest } of got) {
      expect(rest).toEqual({});
      const body = messages[0].role === 'system' ? messages.slice(1) : messages;
      body.forEach((m: { role: string }, i: number) => {
        expect(m.role).toBe(i % 2 === 0 ? 'user' : 'assistant');
      });
      expect(body[body.length - 1].role).toBe('assistant');
    }
    expect(got[0]!.messages.at(-1)).toEqual({ role: 'assistant', content: '0 squared is 0.' });
  });

  it('kto: a line per grade and rated turn, labelled against the threshold', async () => {
    const half = await lines('format=kto');
    const high = await lines('format=kto&threshold=0.9');
    expect(half).toHaveLength(items.length * 5);
    expect(high).toHaveLength(half.length);
    const items_ = byId();
    for (const [l, strict] of half.map((l, k) => [l, high[k]!] as const)) {
      const item = items_.get(l.item_id)!;
      const a = submittedOf(item)[0]!;
      const score =
        l.turn === null
          ? a.answers.grade.grades.find((g: { candidate: string }) => g.candidate === l.candidate_id).total
          : (a.answers.per_turn.turns[0].rating - 1) / 4;
      expect(l.label).toBe(score >= 0.5);
      expect(strict.label).toBe(score >= 0.9);
      if (l.turn === null) expect(l.completion).toBe(content(item, 'four', l.candidate_id));
      else expect(l.completion).toBe(item.data.conversation[l.turn].content);
    }
    expect(half.some((l) => l.label) && half.some((l) => !l.label)).toBe(true);
  });

  it('grades: a line per graded candidate and per steps answer, with every criterion and step', async () => {
    const got = await lines('format=grades');
    expect(got).toHaveLength(items.length * 5);
    const rubric = got.filter((l) => l.kind === 'rubric');
    expect(rubric[0]).toMatchObject({
      external_id: 't-0',
      question: 'grade',
      candidate_id: 'w',
      scores: { correct: { score: 0 }, clear: { score: true, comment: 'on w' } },
    });
    const steps = got.filter((l) => l.kind === 'steps');
    expect(steps[0]).toMatchObject({
      candidate_id: 'a',
      first_error: 1,
      steps: [
        { index: 0, text: '0² = 0.', verdict: 'correct' },
        { index: 1, text: 'So the answer is 0.', verdict: 'incorrect', correction: 'No.' },
      ],
    });
  });
});

describe('csv', () => {
  it('writes one row per annotation, drafts too unless asked, as a CSV attachment', async () => {
    const res = await get('format=csv');
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/csv; charset=utf-8');
    expect(res.disposition).toBe(`attachment; filename="project-${projectId}.csv"`);
    const header = res.text.slice(0, res.text.indexOf('\r\n'));
    expect(header).toBe(
      'item_id,external_id,annotator,status,submitted_at,compare,order,grade,proof,ideal,per_turn,note',
    );
    const rows = res.text.split('\r\n').filter((r) => /^\d+,t-/.test(r));
    expect(rows).toHaveLength(items.length * 2);
    expect(rows.filter((r) => r.includes(',draft,'))).toHaveLength(items.length);
    expect(res.text).toContain(`"'=SUM(A0) ""quoted"", and more"`);
    const submitted = await get('format=csv&submitted=only');
    expect(submitted.text.split('\r\n').filter((r) => /^\d+,t-/.test(r))).toHaveLength(items.length);
  });

  it('writes the header alone when no annotation is left', async () => {
    const res = await get('format=csv&from=2001-01-01&to=2001-01-02');
    expect(res.text).toBe(
      'item_id,external_id,annotator,status,submitted_at,compare,order,grade,proof,ideal,per_turn,note\r\n',
    );
  });
});

describe('parameters', () => {
  it('keeps the filters: ids narrow every format', async () => {
    const [, first, second] = items;
    const got = await lines(`format=preference&ids=${first!.id},${second!.id}`);
    expect(new Set(got.map((l) => l.item_id))).toEqual(new Set([first!.id, second!.id]));
  });

  it('names the parameter that is wrong', async () => {
    const message = async (query: string) => {
      const res = await get(query);
      expect(res.status).toBe(400);
      return JSON.parse(res.text).error.message as string;
    };
    expect(await message('format=parquet')).toMatch(/^query\.format: /);
    expect(await message('format=preference&pairs=some')).toMatch(/^query\.pairs: /);
    expect(await message('format=kto&threshold=2')).toBe('query.threshold: "2" is not a number from 0 to 1');
    expect(await message('format=jsonl&pairs=all')).toBe(
      'query.pairs: applies to the formats preference, preference-chat, openai-preference, not jsonl',
    );
    expect(await message('format=sft&threshold=0.5')).toBe(
      'query.threshold: applies to the format kto, not sft',
    );
  });
});
