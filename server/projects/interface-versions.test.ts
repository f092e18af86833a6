import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMembers, newKey } from '../testing/factories.ts';
import { type Harness, jsonl, sampleInterface, startHarness, type TestUser } from '../testing/harness.ts';

/** Interfaces that change after launch: versions, breaking-change counts, answers keeping theirs, duplicates. */

let h: Harness;
let admin: TestUser;
let annotator: TestUser;
let project: number;

type Question = Record<string, unknown> & { name: string };
/** The sample interface, with overlapping spans allowed so a later edit can forbid them. */
const v1 = {
  fields: sampleInterface.fields,
  questions: sampleInterface.questions.map((q) => (q.name === 'entities' ? { ...q, allowOverlap: true } : q)),
};
const edit = (change: (q: Question) => Question | null, from: { questions: readonly object[] } = v1) => ({
  fields: sampleInterface.fields,
  questions: (from.questions as Question[]).map((q) => change({ ...q })).filter((q) => q !== null),
});

const span = (start: number, end: number, label: string) => ({ start, end, label });
/** Four annotations by two external annotators over three items, one of them a draft. */
const lines = [
  {
    id: 'i1',
    data: { text: 'item one text', source: 't' },
    annotations: [
      {
        annotator: 'Vendor A',
        answers: { topic: 'algebra', flags: ['pii', 'unsafe'], difficulty: 5, steps: 2.5 },
      },
      { annotator: 'Vendor B', status: 'draft', answers: { topic: 'algebra', flags: ['unsafe'] } },
    ],
  },
  {
    id: 'i2',
    data: { text: 'item two text', source: 't' },
    annotations: [
      {
        annotator: 'Vendor A',
        answers: {
          topic: 'geometry',
          flags: ['pii'],
          entities: [span(0, 4, 'THEOREM'), span(2, 6, 'DEFINITION')],
          comment: 'abcdefghij',
        },
      },
      { annotator: 'Vendor B', answers: { topic: 'algebra', difficulty: 3, steps: 2 } },
    ],
  },
  {
    id: 'i3',
    data: { text: 'item three', source: 't' },
    annotations: [{ annotator: 'Vendor A', answers: { topic: 'other', comment: 'short' } }],
  },
];

const patch = (body: Record<string, unknown>, who: TestUser = admin) =>
  h.call(who, 'PATCH', `/api/projects/${project}`, body);

beforeAll(async () => {
  h = await startHarness();
  admin = await h.user('admin');
  annotator = await h.user('annotator');
  const created = await h.call(admin, 'POST', '/api/projects', {
    name: 'Versions',
    interface: v1,
    overlap: 3,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  project = created.body.id;
  await addMembers(h, admin, project, [annotator]);
  const res = await h.verity.app.inject({
    method: 'POST',
    url: `/api/projects/${project}/items`,
    headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/x-ndjson' },
    payload: jsonl(lines),
  });
  expect(res.statusCode, res.body).toBe(201);
});
afterAll(async () => h.close());

describe('editing the interface of a running project', () => {
  it('starts at version 1, applies a safe edit at once as version 2, and leaves an unchanged one alone', async () => {
    expect((await h.call(admin, 'GET', `/api/projects/${project}`)).body.interface.version).toBe(1);
    const safe = edit((q) =>
      q.name === 'topic'
        ? { ...q, options: ['algebra', 'geometry', 'other', 'calculus'], label: 'Topic' }
        : q,
    );
    safe.questions.push({ name: 'notes', type: 'text', required: true });
    const res = await patch({ interface: { ...safe, version: 1 } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.interface.version).toBe(2);
    expect(res.body.interface.questions[0]).toMatchObject({
      label: 'Topic',
      options: ['algebra', 'geometry', 'other', 'calculus'],
    });
    // The same interface again, or only settings: no new version.
    expect((await patch({ interface: safe, guidelines: 'Read twice' })).body.interface.version).toBe(2);
    const versions = await h.verity.store.db
      .selectFrom('interfaceVersions')
      .select(['version', 'createdBy'])
      .where('projectId', '=', project)
      .orderBy('version')
      .execute();
    expect(versions).toEqual([
      { version: 1, createdBy: admin.id },
      { version: 2, createdBy: admin.id },
    ]);
  });

  it('refuses an edit made from an older version', async () => {
    const res = await patch({ interface: { ...v1, version: 1 } });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'INTERFACE_CHANGED', details: { currentVersion: 2 } });
  });

  it('refuses removed options without confirm, with the exact answers each affects, and changes nothing', async () => {
    const current = (await h.call(admin, 'GET', `/api/projects/${project}`)).body.interface;
    const removing = edit((q) => {
      if (q.name === 'topic') return { ...q, options: ['geometry', 'other', 'calculus'] };
      if (q.name === 'flags') return { ...q, options: ['unsafe', 'off-topic'] };
      return q;
    }, current);
    const res = await patch({ interface: removing });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('INTERFACE_CHANGE_NEEDS_CONFIRMATION');
    expect(res.body.error.details).toEqual({
      affectedAnswers: 4,
      changes: [
        { kind: 'option_removed', question: 'topic', option: 'algebra', answers: 3 },
        { kind: 'option_removed', question: 'flags', option: 'pii', answers: 2 },
      ],
    });
    expect(res.body.error.message).toContain('option "algebra" removed from "topic" (3 answers)');
    expect((await h.call(admin, 'GET', `/api/projects/${project}`)).body.interface.version).toBe(2);
  });

  it('counts removed questions, span labels and tightened limits in SQL, each exactly', async () => {
    const current = (await h.call(admin, 'GET', `/api/projects/${project}`)).body.interface;
    const tightening = edit((q) => {
      if (q.name === 'difficulty') return null;
      if (q.name === 'entities') return { ...q, labels: ['DEFINITION'], allowOverlap: false };
      if (q.name === 'steps') return { ...q, max: 2, integer: true };
      if (q.name === 'comment') return { ...q, required: true, maxLength: 5 };
      return q;
    }, current);
    const res = await patch({ interface: tightening });
    expect(res.status).toBe(409);
    expect(res.body.error.details).toEqual({
      affectedAnswers: 3,
      changes: [
        { kind: 'question_removed', question: 'difficulty', answers: 2 },
        { kind: 'label_removed', question: 'entities', label: 'THEOREM', answers: 1 },
        { kind: 'constraint_tightened', question: 'entities', constraint: 'allowOverlap', answers: 1 },
        { kind: 'constraint_tightened', question: 'steps', constraint: 'max', answers: 1 },
        { kind: 'constraint_tightened', question: 'steps', constraint: 'integer', answers: 1 },
        // Required counts submitted annotations only: a draft may still be incomplete.
        { kind: 'constraint_tightened', question: 'comment', constraint: 'required', answers: 2 },
        { kind: 'constraint_tightened', question: 'comment', constraint: 'maxLength', answers: 1 },
      ],
    });
  });

  it('applies a confirmed breaking edit; answers keep their version, new work takes the current one', async () => {
    const current = (await h.call(admin, 'GET', `/api/projects/${project}`)).body.interface;
    const removing = edit(
      (q) => (q.name === 'topic' ? { ...q, options: ['geometry', 'other', 'calculus'] } : q),
      current,
    );
    const res = await patch({ interface: { ...removing, version: 2 }, confirm: true });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.interface.version).toBe(3);

    const next = await h.call(annotator, 'POST', `/api/projects/${project}/assignments/next`);
    expect(next.status).toBe(200);
    const assignmentId = next.body.assignment.id;
    // The work loop checks against the current version: the removed option is named by its question.
    const stale = await h.call(annotator, 'PUT', `/api/assignments/${assignmentId}/draft`, {
      answers: { topic: 'algebra' },
      activeMs: 10,
    });
    expect(stale.status).toBe(422);
    expect(stale.body.error.details[0]).toMatchObject({ path: 'topic' });
    const submitted = await h.call(annotator, 'POST', `/api/assignments/${assignmentId}/submit`, {
      answers: { topic: 'calculus', notes: 'fine' },
      activeMs: 10,
      idempotencyKey: newKey(),
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body.annotation.interfaceVersion).toBe(3);

    const item = await h.call(admin, 'GET', `/api/items/${next.body.item.id}`);
    const versions = item.body.annotations.map((a: { annotator: string; interfaceVersion: number }) => [
      a.annotator,
      a.interfaceVersion,
    ]);
    expect(versions).toContainEqual([annotator.email, 3]);
    expect(versions.filter(([, v]: [string, number]) => v === 1).length).toBeGreaterThan(0);
    const revisions = await h.call(
      admin,
      'GET',
      `/api/annotations/${submitted.body.annotation.id}/revisions`,
    );
    expect(revisions.body.items.map((r: { interfaceVersion: number }) => r.interfaceVersion)).toEqual([3]);
  });

  it('exports each annotation with the interface version it was written under', async () => {
    const res = await h.verity.app.inject({
      method: 'GET',
      url: `/api/projects/${project}/export`,
      headers: { authorization: `Bearer ${admin.token}` },
    });
    const items = res.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const pairs = items.flatMap((i: { annotations: { annotator: string; interfaceVersion: number }[] }) =>
      i.annotations.map((a) => `${a.annotator}@${a.interfaceVersion}`),
    );
    expect(pairs.sort()).toEqual(
      ['Vendor A@1', 'Vendor A@1', 'Vendor A@1', 'Vendor B@1', 'Vendor B@1', `${annotator.email}@3`].sort(),
    );
  });
});

describe('two leads editing at once', () => {
  it('applies one edit and refuses the other, which was made from the version the first replaced', async () => {
    const current = (await h.call(admin, 'GET', `/api/projects/${project}`)).body.interface;
    const withOption = (option: string) =>
      edit(
        (q) => (q.name === 'flags' ? { ...q, options: [...(q.options as string[]), option] } : q),
        current,
      );
    const results = await Promise.all(
      ['first', 'second'].map((o) => patch({ interface: { ...withOption(o), version: current.version } })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)?.body.error.code).toBe('INTERFACE_CHANGED');
    const after = (await h.call(admin, 'GET', `/api/projects/${project}`)).body.interface;
    expect(after.version).toBe(current.version + 1);
  });
});

describe('duplicating a project', () => {
  it('copies the current interface as version 1, settings, members and invitations, and no items by default', async () => {
    await h.call(admin, 'POST', `/api/projects/${project}/invitations`, { email: 'later@example.org' });
    const source = (await h.call(admin, 'GET', `/api/projects/${project}`)).body;
    const res = await h.call(admin, 'POST', `/api/projects/${project}/duplicate`, { name: 'Batch 2' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      name: 'Batch 2',
      guidelines: source.guidelines,
      overlap: 3,
      interface: { ...source.interface, version: 1 },
      progress: { items: 0 },
    });
    const members = await h.call(admin, 'GET', `/api/projects/${res.body.id}/members`);
    expect(members.body.items.map((m: { userId: number }) => m.userId)).toContain(annotator.id);
    const invitations = await h.call(admin, 'GET', `/api/projects/${res.body.id}/invitations`);
    expect(invitations.body.items.map((i: { email: string }) => i.email)).toEqual(['later@example.org']);
  });

  it('copies the items on request, open again and without their annotations', async () => {
    const res = await h.call(admin, 'POST', `/api/projects/${project}/duplicate`, {
      name: 'Batch 3',
      items: true,
    });
    expect(res.status).toBe(201);
    expect(res.body.progress).toMatchObject({ items: 3, submitted: 0, complete: 0 });
    const list = await h.call(admin, 'GET', `/api/projects/${res.body.id}/items?limit=10`);
    expect(list.body.items.map((i: { externalId: string }) => i.externalId)).toEqual(['i1', 'i2', 'i3']);
    // The copies are in the search index as the originals are.
    const found = await h.call(admin, 'GET', `/api/projects/${res.body.id}/items?q=i2`);
    expect(found.body.items.map((i: { externalId: string }) => i.externalId)).toEqual(['i2']);
    const copied = await h.verity.store.db
      .selectFrom('annotations')
      .select('id')
      .where('projectId', '=', res.body.id)
      .execute();
    expect(copied).toEqual([]);
    // The copy's items can be claimed by its members.
    const next = await h.call(annotator, 'POST', `/api/projects/${res.body.id}/assignments/next`);
    expect(next.body.item.externalId).toBe('i1');
  });
});
