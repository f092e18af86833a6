import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annotate, expectedExport, skipItems } from '../testing/export-fixtures.ts';
import { buildProject, importItems, seedUser } from '../testing/factories.ts';
import { type Harness, startHarness, type TestUser } from '../testing/harness.ts';

let h: Harness;
let manager: TestUser;
let projectId: number;
/** Items 0–6 of the project, as the scenario below describes them. */
let item: number[];
let otherItem: number;
/** Annotators b and c of the scenario (for the `annotator` filter). */
let people: { b: TestUser; c: TestUser };

const day = (d: number, hour = 12) => Date.UTC(2026, 11, d, hour);
const at = (d: number, hour = 12): [number, number, number] => [
  day(d, hour) - 60_000,
  day(d, hour),
  day(d, hour),
];
const draft = (d: number): [number, number, null] => [day(d), day(d), null];

/**
 * Overlap 2. Item 0: submitted on Dec 1 and Dec 3 (complete). Item 1: submitted on Dec 2, and a
 * draft. Item 2: a draft only. Item 3: nothing. Item 4: submitted twice on Dec 5, 23:30 (complete).
 * Item 5: skipped, then submitted on Dec 7. Item 6: one answer of one question.
 */
beforeAll(async () => {
  h = await startHarness();
  manager = await seedUser(h.verity, 'manager');
  projectId = await buildProject(h, manager, { overlap: 2 });
  item = await importItems(
    h.verity,
    manager,
    projectId,
    Array.from({ length: 7 }, (_, k) => ({ id: `item-${k}`, text: `text ${k}` })),
  );
  const other = await buildProject(h, manager);
  otherItem = (await importItems(h.verity, manager, other, [{ id: 'elsewhere' }]))[0]!;
  const [a, b, c] = [
    await seedUser(h.verity, 'annotator'),
    await seedUser(h.verity, 'annotator'),
    await seedUser(h.verity, 'annotator'),
  ];
  people = { b: b!, c: c! };
  const full = { topic: 'algebra', flags: ['pii'], entities: [], difficulty: 3, steps: 2, comment: 'ok' };
  await annotate(h.verity, projectId, [
    { itemId: item[0]!, userId: a!.id, status: 'submitted', answers: full, times: at(1) },
    { itemId: item[0]!, userId: b!.id, status: 'submitted', answers: full, times: at(3) },
    { itemId: item[1]!, userId: a!.id, status: 'submitted', answers: full, times: at(2) },
    { itemId: item[1]!, userId: b!.id, status: 'draft', answers: { topic: 'other' }, times: draft(2) },
    { itemId: item[2]!, userId: a!.id, status: 'draft', answers: {}, times: draft(2) },
    { itemId: item[4]!, userId: a!.id, status: 'submitted', answers: full, times: at(5, 23) },
    { itemId: item[4]!, userId: c!.id, status: 'submitted', answers: full, times: at(5, 23) },
    { itemId: item[5]!, userId: a!.id, status: 'submitted', answers: full, times: at(7) },
    { itemId: item[6]!, userId: a!.id, status: 'submitted', answers: { steps: 4 }, times: at(8) },
  ]);
  await skipItems(h.verity, projectId, [[item[5]!, c!.id, 'unclear', day(6)]]);
});
afterAll(async () => h.close());

const get = (query: string) => h.call(manager, 'GET', `/api/projects/${projectId}/export${query}`);

async function exported(query: string): Promise<string> {
  const res = await get(query);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return String(res.body);
}

const lines = (text: string) =>
  text
    .trimEnd()
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as { id: number; annotations: { status: string; submittedAt: string }[] });
const idsOf = (text: string) => lines(text).map((l) => item.indexOf(l.id));

describe('export filters', () => {
  it('exports every item with drafts by default, as before the filters', async () => {
    const text = await exported('');
    expect(text).toBe(await expectedExport(h.verity, projectId));
    expect(idsOf(text)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(lines(text)[2]!.annotations.map((a) => a.status)).toEqual(['draft']);
  });

  it('writes every question of the interface, null when unanswered', async () => {
    const line = lines(await exported(`?ids=${item[6]}`))[0]! as unknown as {
      annotations: { answers: unknown }[];
    };
    expect(JSON.stringify(line.annotations[0]!.answers)).toBe(
      '{"topic":null,"flags":null,"entities":null,"difficulty":null,"steps":4,"comment":null}',
    );
    const draftLine = lines(await exported(`?ids=${item[2]}`))[0]! as unknown as {
      annotations: { answers: unknown }[];
    };
    expect(draftLine.annotations[0]!.answers).toEqual({
      topic: null,
      flags: null,
      entities: null,
      difficulty: null,
      steps: null,
      comment: null,
    });
  });

  it('submitted=only leaves drafts out and keeps every item', async () => {
    const text = await exported('?submitted=only');
    expect(text).toBe(await expectedExport(h.verity, projectId, { submittedOnly: true }));
    expect(idsOf(text)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(lines(text).flatMap((l) => l.annotations.map((a) => a.status))).not.toContain('draft');
    expect(lines(text)[2]!.annotations).toEqual([]);
  });

  it('complete=only keeps the items that reached their overlap', async () => {
    const text = await exported('?complete=only');
    expect(text).toBe(await expectedExport(h.verity, projectId, { completeOnly: true }));
    expect(idsOf(text)).toEqual([0, 4]);
  });

  it('from and to keep items with a submission in the range, with only the annotations submitted in it', async () => {
    const text = await exported('?from=2026-12-02&to=2026-12-05');
    expect(text).toBe(await expectedExport(h.verity, projectId, { from: day(2, 0), to: day(6, 0) }));
    expect(idsOf(text)).toEqual([0, 1, 4]);
    // Item 0 was also submitted on Dec 1, outside the range; item 1's draft has no submission.
    expect(lines(text).map((l) => l.annotations.map((a) => a.submittedAt))).toEqual([
      [new Date(day(3)).toISOString()],
      [new Date(day(2)).toISOString()],
      [new Date(day(5, 23)).toISOString(), new Date(day(5, 23)).toISOString()],
    ]);
    // A date-time with an offset: Dec 5 23:00 UTC is Dec 6 00:30 at +01:30, after the range's end.
    expect(idsOf(await exported('?from=2026-12-02&to=2026-12-06T00:30:00%2B01:30'))).toEqual([0, 1]);
    expect(idsOf(await exported('?from=2026-12-07'))).toEqual([5, 6]);
    expect(idsOf(await exported('?to=2026-12-01'))).toEqual([0]);
  });

  it('ids keeps the named items, in import order whatever the order given', async () => {
    const text = await exported(`?ids=${item[5]},${item[0]},${item[5]}`);
    expect(text).toBe(await expectedExport(h.verity, projectId, { ids: [item[0]!, item[5]!] }));
    expect(idsOf(text)).toEqual([0, 5]);
    expect(text).toContain('"skips":[{"userId"');
  });

  it('ANDs the filters together', async () => {
    const query = `?submitted=only&complete=only&from=2026-12-03&ids=${item.join(',')}`;
    const text = await exported(query);
    expect(text).toBe(
      await expectedExport(h.verity, projectId, {
        submittedOnly: true,
        completeOnly: true,
        from: day(3, 0),
        ids: item,
      }),
    );
    expect(idsOf(text)).toEqual([0, 4]);
    expect(lines(text)[0]!.annotations).toHaveLength(1);
    expect(idsOf(await exported(`?complete=only&ids=${item[1]},${item[4]}`))).toEqual([4]);
  });

  it('answers an empty body, not an error, when nothing matches', async () => {
    expect(await exported('?from=2027-01-01')).toBe('');
    expect(await exported(`?complete=only&ids=${item[3]}`)).toBe('');
  });

  it('refuses a bad parameter with an error that names it', async () => {
    const cases: [string, string][] = [
      ['?submitted=yes', 'query.submitted'],
      ['?complete=1', 'query.complete'],
      ['?from=yesterday', 'query.from'],
      ['?to=2026-12-01T10:00', 'query.to'],
      ['?from=2026-12-05&to=2026-12-05T00:00Z', 'query.to'],
      ['?ids=1,two', 'query.ids'],
      [`?ids=${Array.from({ length: 1001 }, (_, k) => k + 1).join(',')}`, 'query.ids'],
    ];
    for (const [query, path] of cases) {
      const res = await get(query);
      expect(res.status, query).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.message.startsWith(`${path}: `), res.body.error.message).toBe(true);
    }
  });

  it('refuses ids that are not items of the project, naming each', async () => {
    const res = await get(`?ids=${item[0]},${otherItem},999999`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(`query.ids: not items of this project: ${otherItem}, 999999`);
    expect(res.body.error.details).toEqual([
      { path: 'query.ids', message: res.body.error.message, ids: [otherItem, 999999] },
    ]);
  });

  describe('the annotator filter', () => {
    const annotatorsOf = (text: string) =>
      lines(text).map((l) => (l.annotations as unknown as { annotator: string }[]).map((a) => a.annotator));

    it('takes the items an annotator answered, with only their annotations, drafts too unless submitted only', async () => {
      const b = people.b.email;
      const all = await exported(`?annotator=${encodeURIComponent(b.toUpperCase())}`);
      expect(idsOf(all)).toEqual([0, 1]);
      expect(annotatorsOf(all)).toEqual([[b], [b]]);
      expect(lines(all)[1]!.annotations.map((a) => a.status)).toEqual(['draft']);
      expect(idsOf(await exported(`?annotator=${b}&submitted=only`))).toEqual([0]);
      expect(idsOf(await exported(`?annotator=${b}&from=2026-12-04`))).toEqual([]);
    });

    it("leaves out everyone else's skips, and narrows the other formats too", async () => {
      const c = people.c.email;
      const text = await exported(`?annotator=${c}`);
      expect(idsOf(text)).toEqual([4]);
      expect(annotatorsOf(text)).toEqual([[c]]);
      const csv = (await exported(`?annotator=${c}&format=csv`)).trimEnd().split('\r\n');
      expect(csv.length).toBe(2);
      expect(csv[1]).toContain(c);
    });

    it.each([
      ['an email no user has', 'nobody@example.org', 'no user with the email nobody@example.org'],
      ['a text that is no email', 'not-an-email', 'Invalid email'],
    ])('refuses %s, naming the parameter', async (_, value, message) => {
      const res = await get(`?annotator=${encodeURIComponent(value)}`);
      expect([res.status, res.body.error.code, res.body.error.details[0].path]).toEqual([
        400,
        'VALIDATION_FAILED',
        'query.annotator',
      ]);
      expect(res.body.error.message).toContain(message);
    });
  });
});
