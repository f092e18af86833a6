import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildTeam,
  importItems,
  next,
  seedUser,
  submit,
  type Team,
  validAnswers,
} from '../testing/factories.ts';
import { type Harness, startHarness, type TestUser } from '../testing/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

interface Summary {
  id: number;
  externalId: string | null;
  status: string;
  submitted: number;
  annotators: string[];
}

/** Every page of a listing, following nextCursor; returns the ids per page. */
async function allPages(who: TestUser, projectId: number, query: string): Promise<Summary[][]> {
  const pages: Summary[][] = [];
  let cursor: string | null = null;
  do {
    const url = `/api/projects/${projectId}/items?${query}${cursor ? `&cursor=${cursor}` : ''}`;
    const res = await h.call(who, 'GET', url);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    pages.push(res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor !== null && pages.length < 50);
  return pages;
}
const ids = (pages: Summary[][]) => pages.flat().map((i) => i.id);

describe('listing items in import order', () => {
  let team: Team;
  beforeAll(async () => {
    team = await buildTeam(h, { items: 7, annotators: 0 });
  });

  it('pages forward through every item once, oldest first', async () => {
    const pages = await allPages(team.manager, team.projectId, 'limit=3');
    expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
    expect(ids(pages)).toEqual(team.itemIds);
  });

  it('pages through every item once, newest first, with order=desc', async () => {
    const pages = await allPages(team.manager, team.projectId, 'limit=3&order=desc');
    expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
    expect(ids(pages)).toEqual([...team.itemIds].reverse());
  });

  it('rejects an unknown order or status, naming the query parameter', async () => {
    const bad = await h.call(team.manager, 'GET', `/api/projects/${team.projectId}/items?status=done`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).toEqual(['query.status']);
    const order = await h.call(team.manager, 'GET', `/api/projects/${team.projectId}/items?order=up`);
    expect(order.body.error.details.map((d: { path: string }) => d.path)).toEqual(['query.order']);
  });
});

describe('filtering items by status', () => {
  // Overlap 2 over five items: the first complete, the second with a submission and a lock, the
  // third with a live lock only, the last two untouched.
  let team: Team;
  beforeAll(async () => {
    team = await buildTeam(h, { items: 5, annotators: 3, overlap: 2 });
    const [a, b, c] = team.annotators as [TestUser, TestUser, TestUser];
    for (const who of [a, b]) {
      const work = await next(h, who, team.projectId);
      expect((await submit(h, who, work.body.assignment.id, validAnswers)).status).toBe(200);
    }
    const second = await next(h, a, team.projectId);
    expect((await submit(h, a, second.body.assignment.id, validAnswers)).status).toBe(200);
    expect((await next(h, b, team.projectId)).body.item.id).toBe(team.itemIds[1]);
    expect((await next(h, c, team.projectId)).body.item.id).toBe(team.itemIds[2]);
  });

  const statuses = async (query: string) =>
    (await allPages(team.manager, team.projectId, query)).flat().map((i) => [i.id, i.status]);

  it('returns only complete items for status=complete', async () => {
    expect(await statuses('status=complete')).toEqual([[team.itemIds[0], 'complete']]);
  });

  it('returns items with a submission or a live lock for status=in_progress', async () => {
    const rows = await statuses('status=in_progress');
    expect(rows.every(([, s]) => s === 'in_progress')).toBe(true);
    expect(rows.map(([id]) => id)).toEqual([team.itemIds[1], team.itemIds[2]]);
  });

  it('returns untouched items for status=open, in either order and across pages', async () => {
    const open = team.itemIds.slice(3);
    const asc = await allPages(team.manager, team.projectId, 'status=open&limit=1');
    expect(asc.flat().every((i) => i.status === 'open')).toBe(true);
    expect(ids(asc)).toEqual(open);
    const desc = await allPages(team.manager, team.projectId, 'status=open&limit=2&order=desc');
    expect(ids(desc)).toEqual([...open].reverse());
  });

  it('agrees with the project progress counts', async () => {
    const project = await h.call(team.manager, 'GET', `/api/projects/${team.projectId}`);
    const count = async (status: string) => (await statuses(`status=${status}`)).length;
    expect(await count('complete')).toBe(project.body.progress.complete);
    expect(await count('in_progress')).toBe(project.body.progress.inProgress);
    expect((await count('open')) + project.body.progress.complete + project.body.progress.inProgress).toBe(
      project.body.progress.items,
    );
  });

  it('shows an annotator only the items assigned to them, filters included', async () => {
    const [a] = team.annotators as [TestUser];
    const all = await allPages(a, team.projectId, 'limit=10');
    expect(ids(all)).toEqual([team.itemIds[0], team.itemIds[1]]);
    expect(ids(await allPages(a, team.projectId, 'status=complete'))).toEqual([team.itemIds[0]]);
    expect(ids(await allPages(a, team.projectId, 'status=open'))).toEqual([]);
  });
});

describe('filtering items by externalId prefix', () => {
  let projectId: number;
  let manager: TestUser;
  let itemIds: number[];
  beforeAll(async () => {
    const team = await buildTeam(h, { items: 0, annotators: 0 });
    ({ projectId, manager } = team);
    const externalIds = ['doc-1', 'doc-2', 'Doc-3', 'img-1', 'doc-10', 'dóc-1'];
    itemIds = await importItems(
      h.verity,
      manager,
      projectId,
      externalIds.map((id) => ({ id })),
    );
    await importItems(h.verity, manager, projectId, [{}]); // an item without an externalId
  });

  const matching = async (prefix: string, extra = '') =>
    (await allPages(manager, projectId, `externalIdPrefix=${encodeURIComponent(prefix)}${extra}`))
      .flat()
      .map((i) => i.externalId);

  it('returns the items whose externalId starts with the text, case-sensitively', async () => {
    expect(await matching('doc-')).toEqual(['doc-1', 'doc-2', 'doc-10']);
    expect(await matching('doc-1')).toEqual(['doc-1', 'doc-10']);
    expect(await matching('Doc')).toEqual(['Doc-3']);
    expect(await matching('nothing')).toEqual([]);
  });

  it('counts the prefix in characters, so accented text matches whole', async () => {
    expect(await matching('dó')).toEqual(['dóc-1']);
  });

  it('combines with order and paging', async () => {
    expect(await matching('doc-', '&order=desc&limit=1')).toEqual(['doc-10', 'doc-2', 'doc-1']);
    expect(itemIds).toHaveLength(6);
  });

  it('is empty for a project the caller cannot see, answered as not found', async () => {
    const stranger = await seedUser(h.verity, 'annotator');
    const res = await h.call(stranger, 'GET', `/api/projects/${projectId}/items?externalIdPrefix=doc`);
    expect(res.status).toBe(404);
  });
});
