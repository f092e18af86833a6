import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, sampleInterface, startHarness, type TestUser } from '../testing/harness.ts';
import { invalidPaths, projectFixtures } from '../testing/project-fixtures.ts';

let h: Harness;
let admin: TestUser;
beforeAll(async () => {
  h = await startHarness();
  admin = await h.user('admin');
});
afterAll(async () => h.close());

const { createProject, importItems, member } = projectFixtures(() => ({ h, admin }));

describe('creating projects', () => {
  it('applies the defaults, stamps the interface version and starts with empty progress', async () => {
    const res = await h.call(admin, 'POST', '/api/projects', {
      name: '  Maths  ',
      interface: sampleInterface,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'Maths',
      guidelines: '',
      overlap: 1,
      lockTtlSeconds: 600,
      itemOrder: 'sequential',
      allowEditSubmitted: true,
      progress: {
        items: 0,
        complete: 0,
        inProgress: 0,
        awaiting: 0,
        skipped: 0,
        submitted: 0,
        stranded: 0,
        waitingForSkills: 0,
      },
    });
    expect(res.body.interface.version).toBe(1);
    expect(res.body.interface.questions.map((q: { name: string }) => q.name)).toEqual(
      sampleInterface.questions.map((q) => q.name),
    );
    expect((await h.call(admin, 'GET', `/api/projects/${res.body.id}`)).body).toEqual(res.body);
  });

  it.each([
    ['a missing name', { interface: sampleInterface }, 'body.name'],
    ['a blank name', { name: '   ', interface: sampleInterface }, 'body.name'],
    ['an overlap of 0', { name: 'P', interface: sampleInterface, overlap: 0 }, 'body.overlap'],
    ['a fractional overlap', { name: 'P', interface: sampleInterface, overlap: 1.5 }, 'body.overlap'],
    [
      'a lock shorter than 30 s',
      { name: 'P', interface: sampleInterface, lockTtlSeconds: 5 },
      'body.lockTtlSeconds',
    ],
    [
      'an unknown item order',
      { name: 'P', interface: sampleInterface, itemOrder: 'shuffled' },
      'body.itemOrder',
    ],
    ['a missing interface', { name: 'P' }, 'body.interface'],
  ])('names the field of %s', async (_, body, field) => {
    const res = await h.call(admin, 'POST', '/api/projects', body);
    expect(invalidPaths(res)[0]).toBe(field);
    expect(res.body.error.message.startsWith(field)).toBe(true);
  });

  it('refuses a project name with a bidi override, at creation and on update', async () => {
    const name = 'Maths \u202Ecipot';
    const created = await h.call(admin, 'POST', '/api/projects', { name, interface: sampleInterface });
    expect(invalidPaths(created)[0]).toBe('body.name');
    expect(created.body.error.message).toBe('body.name: U+202E (right-to-left override) is not allowed');
    const project = await h.call(admin, 'POST', '/api/projects', {
      name: 'Fine',
      interface: sampleInterface,
    });
    const renamed = await h.call(admin, 'PATCH', `/api/projects/${project.body.id}`, { name });
    expect(renamed.body.error.message).toBe('body.name: U+202E (right-to-left override) is not allowed');
  });

  it.each([
    ['no questions', { fields: [], questions: [] }, 'body.interface.questions', 'at least one question'],
    [
      'a spans question on an undeclared field',
      { fields: [], questions: [{ name: 'e', type: 'spans', field: 'nope', labels: ['A'] }] },
      'body.interface.questions[0].field',
      'no field named "nope"',
    ],
    [
      'an unknown question type',
      { fields: [], questions: [{ name: 'q', type: 'essay' }] },
      'body.interface.questions[0].type',
      'unknown question type',
    ],
    [
      'a choice without options',
      { fields: [], questions: [{ name: 'c', type: 'choice', options: [] }] },
      'body.interface.questions[0].options',
      'option',
    ],
    [
      'two questions of one name',
      {
        fields: [],
        questions: [
          { name: 'c', type: 'text' },
          { name: 'c', type: 'number' },
        ],
      },
      'body.interface.questions[1].name',
      'duplicate question name',
    ],
    [
      'an unknown interface property',
      { ...sampleInterface, colour: 'red' },
      'body.interface.colour',
      'unknown property',
    ],
    [
      'an interface version that is not a positive whole number',
      { ...sampleInterface, version: 0 },
      'body.interface.version',
      'Too small',
    ],
  ])('refuses an interface with %s, naming the path', async (_, iface, path, words) => {
    const res = await h.call(admin, 'POST', '/api/projects', { name: 'Bad', interface: iface });
    expect(invalidPaths(res)).toContain(path);
    expect(res.body.error.message).toContain(words);
  });

  it('creates nothing when the interface is refused', async () => {
    const before = await h.call(admin, 'GET', '/api/projects?limit=500');
    await h.call(admin, 'POST', '/api/projects', {
      name: 'Refused',
      interface: { fields: [], questions: [] },
    });
    const after = await h.call(admin, 'GET', '/api/projects?limit=500');
    expect(after.body.items).toHaveLength(before.body.items.length);
  });
});

describe('updating projects', () => {
  it('changes only the given settings and keeps every other one', async () => {
    const settings = {
      guidelines: 'old guidelines',
      overlap: 3,
      lockTtlSeconds: 120,
      itemOrder: 'random',
      allowEditSubmitted: false,
    };
    const id = await createProject(settings);
    const before = (await h.call(admin, 'GET', `/api/projects/${id}`)).body;
    const res = await h.call(admin, 'PATCH', `/api/projects/${id}`, { name: 'Renamed' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...before, name: 'Renamed' });
    const again = await h.call(admin, 'PATCH', `/api/projects/${id}`, { guidelines: 'new guidelines' });
    expect(again.body).toMatchObject({ ...settings, name: 'Renamed', guidelines: 'new guidelines' });
    expect((await h.call(admin, 'GET', `/api/projects/${id}`)).body).toEqual(again.body);
  });

  it.each([
    ['an overlap of 0', { overlap: 0 }, 'body.overlap'],
    ['a blank name', { name: '' }, 'body.name'],
    ['a lock above a day', { lockTtlSeconds: 86_401 }, 'body.lockTtlSeconds'],
  ])('names the field of %s', async (_, body, field) => {
    const id = await createProject();
    expect(invalidPaths(await h.call(admin, 'PATCH', `/api/projects/${id}`, body))[0]).toBe(field);
  });

  it('names the parameter of a malformed project id and answers an unknown one with 404', async () => {
    expect(invalidPaths(await h.call(admin, 'PATCH', '/api/projects/abc', { guidelines: 'x' }))[0]).toBe(
      'params.projectId',
    );
    const missing = await h.call(admin, 'PATCH', '/api/projects/999999', { guidelines: 'x' });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
  });

  it('recomputes progress and free slots when the overlap changes', async () => {
    const id = await createProject({ overlap: 1 });
    await importItems(id, 3);
    const [first, second, third, fourth] = [
      await member(id),
      await member(id),
      await member(id),
      await member(id),
    ];
    const claimed = await h.call(first!, 'POST', `/api/projects/${id}/assignments/next`);
    const sub = await h.call(first!, 'POST', `/api/assignments/${claimed.body.assignment.id}/submit`, {
      answers: { topic: 'algebra' },
      idempotencyKey: 'overlap-key-1',
    });
    expect(sub.status).toBe(200);
    const locked = await h.call(second!, 'POST', `/api/projects/${id}/assignments/next`);
    const [item1, item2] = [claimed.body.item.id, locked.body.item.id];
    expect(item2).toBe(item1 + 1);
    const progress = async () => (await h.call(admin, 'GET', `/api/projects/${id}`)).body.progress;
    expect(await progress()).toEqual({
      items: 3,
      complete: 1,
      inProgress: 1,
      skipped: 0,
      submitted: 1,
      stranded: 0,
      waitingForSkills: 0,
      awaiting: 0,
    });

    // Overlap 2: the submitted item needs another annotation, so it is open to a new annotator again.
    const raised = await h.call(admin, 'PATCH', `/api/projects/${id}`, { overlap: 2 });
    expect(raised.status).toBe(200);
    expect(raised.body.progress).toEqual({
      items: 3,
      complete: 0,
      inProgress: 2,
      skipped: 0,
      submitted: 1,
      stranded: 0,
      waitingForSkills: 0,
      awaiting: 0,
    });
    const reopened = await h.call(third!, 'POST', `/api/projects/${id}/assignments/next`);
    expect(reopened.body.item.id).toBe(item1);

    // Back to 1: the first item is complete again and its extra lock holds no slot below zero.
    const lowered = await h.call(admin, 'PATCH', `/api/projects/${id}`, { overlap: 1 });
    expect(lowered.body.progress).toEqual({
      items: 3,
      complete: 1,
      inProgress: 1,
      skipped: 0,
      submitted: 1,
      stranded: 0,
      waitingForSkills: 0,
      awaiting: 0,
    });
    const items = await h.call(admin, 'GET', `/api/projects/${id}/items`);
    expect(items.body.items.map((i: { status: string }) => i.status)).toEqual([
      'complete',
      'in_progress',
      'open',
    ]);
    const last = await h.call(fourth!, 'POST', `/api/projects/${id}/assignments/next`);
    expect(last.body.item.id).toBe(item1 + 2);
  });
});

describe('listing projects', () => {
  async function walk(who: TestUser, limit: number): Promise<number[]> {
    const seen: number[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 100; pages++) {
      const url: string = `/api/projects?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = await h.call(who, 'GET', url);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(limit);
      if (page.body.nextCursor !== null) expect(page.body.items).toHaveLength(limit);
      seen.push(...page.body.items.map((p: { id: number }) => p.id));
      cursor = page.body.nextCursor;
      if (cursor === null) return seen;
    }
    throw new Error('the cursor never ended');
  }

  it('walks every page once, in id order, with no duplicates or gaps', async () => {
    for (let i = 0; i < 8; i++) await createProject();
    const all = await h.call(admin, 'GET', '/api/projects?limit=500');
    const everyone: number[] = all.body.items.map((p: { id: number }) => p.id);
    expect(everyone.length).toBeGreaterThan(8);
    expect([...everyone].sort((a, b) => a - b)).toEqual(everyone);
    expect(await walk(admin, 3)).toEqual(everyone);
    const manager = await h.user('manager');
    expect(await walk(manager, 4)).toEqual(everyone);
  });

  it("pages through a member's projects only", async () => {
    const ids: number[] = [];
    for (let i = 0; i < 7; i++) ids.push(await createProject());
    const user = await h.user('reviewer');
    const mine = ids.filter((_, i) => i % 2 === 0);
    for (const id of mine)
      await h.call(admin, 'POST', `/api/projects/${id}/members`, { userId: user.id, role: 'reviewer' });
    expect(await walk(user, 2)).toEqual(mine);
    expect(await walk(user, 1)).toEqual(mine);
  });

  it.each([
    ['a cursor it never issued', 'cursor=not-a-cursor', 'query.cursor'],
    ['an overlong cursor', `cursor=${'k'.repeat(201)}`, 'query.cursor'],
    ['a zero limit', 'limit=0', 'query.limit'],
  ])('names the parameter of %s', async (_, query, field) => {
    expect(invalidPaths(await h.call(admin, 'GET', `/api/projects?${query}`))[0]).toBe(field);
  });
});
