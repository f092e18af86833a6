import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMembers, buildProject } from '../testing/factories.ts';
import { type Harness, jsonl, startHarness, type TestUser } from '../testing/harness.ts';

/** Who an imported annotation may name, and who the store says imported it. */

let h: Harness;
let admin: TestUser;
/** A project-level manager: a member with the manager role, an annotator account. */
let lead: TestUser;
let member: TestUser;
let outsider: TestUser;
let project: number;
beforeAll(async () => {
  h = await startHarness();
  admin = await h.user('admin');
  lead = await h.user('annotator');
  member = await h.user('annotator');
  outsider = await h.user('annotator');
  project = await buildProject(h, admin);
  await h.call(admin, 'POST', `/api/projects/${project}/members`, { userId: lead.id, role: 'manager' });
  await addMembers(h, admin, project, [member]);
});
afterAll(async () => h.close());

let serial = 0;
const line = (annotators: string[]) => ({
  id: `authorship-${++serial}`,
  data: { text: `item ${serial}`, source: 'test' },
  annotations: annotators.map((annotator) => ({ annotator, answers: { topic: 'algebra' } })),
});

async function post(who: TestUser, rows: unknown[], query = '') {
  const res = await h.verity.app.inject({
    method: 'POST',
    url: `/api/projects/${project}/items${query}`,
    headers: { authorization: `Bearer ${who.token}`, 'content-type': 'application/x-ndjson' },
    payload: jsonl(rows),
  });
  return { status: res.statusCode, body: JSON.parse(res.body) };
}

const annotationsUnder = (userId: number) =>
  h.verity.store.db.selectFrom('annotations').select('id').where('userId', '=', userId).execute();

describe('importing annotations that name accounts', () => {
  it('refuses an admin, a non-member and an unknown email alike, as line errors, and imports nothing', async () => {
    const rows = [
      line([member.email]),
      line(['Vendor 7']),
      line([admin.email]),
      line(['Vendor 7', outsider.email.toUpperCase()]),
      line(['nobody@example.org']),
    ];
    const res = await post(lead, rows);
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(res.body.error.code).toBe('IMPORT_INVALID');
    expect(res.body.error.details).toEqual({
      invalid: 3,
      errors: [
        { line: 3, message: `line 3: annotations[0]: ${admin.email} is not a member of this project` },
        {
          line: 4,
          message: `line 4: annotations[1]: ${outsider.email.toUpperCase()} is not a member of this project`,
        },
        { line: 5, message: 'line 5: annotations[0]: nobody@example.org is not a member of this project' },
      ],
    });
    for (const who of [admin, outsider, member]) expect(await annotationsUnder(who.id)).toEqual([]);
    const vendor = await h.verity.store.db.selectFrom('users').select('id').where('name', '=', 'Vendor 7');
    expect(await vendor.execute()).toEqual([]);
  });

  it('with skipInvalid imports only the lines whose annotators are members or external', async () => {
    const rows = [line([member.email]), line([admin.email]), line(['Vendor 8', member.email])];
    const res = await post(lead, rows, '?skipInvalid=true');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ imported: 2, annotations: 3, invalid: 1 });
    expect(res.body.errors).toEqual([
      { line: 2, message: `line 2: annotations[0]: ${admin.email} is not a member of this project` },
    ]);
    expect(await annotationsUnder(admin.id)).toEqual([]);
    expect((await annotationsUnder(member.id)).length).toBe(2);
  });

  it('refuses an external name that looks like an email as a non-member', async () => {
    const res = await post(lead, [line(['admin@x.org'])], '?skipInvalid=true');
    expect(res.body.errors).toEqual([
      { line: 1, message: 'line 1: annotations[0]: admin@x.org is not a member of this project' },
    ]);
  });

  it('refuses a non-member on a line far into a large import, which the worker inserts', async () => {
    const text = `item ${'lorem ipsum '.repeat(30)}`;
    const rows = Array.from({ length: 3000 }, (_, i) => ({
      id: `big-${i}`,
      data: { text, source: 'test' },
      ...(i === 2500 ? { annotations: [{ annotator: outsider.email, answers: { topic: 'other' } }] } : {}),
    }));
    const res = await post(lead, rows);
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(422);
    expect(res.body.error.details.errors).toEqual([
      { line: 2501, message: `line 2501: annotations[0]: ${outsider.email} is not a member of this project` },
    ]);
    expect(await annotationsUnder(outsider.id)).toEqual([]);
  });
});

describe('who imported an annotation', () => {
  it('is recorded on its revision, shown in its history and written to the export', async () => {
    const row = line([member.email, 'Vendor 9']);
    expect((await post(lead, [row])).status).toBe(201);
    const item = await h.verity.store.db
      .selectFrom('items')
      .select('id')
      .where('externalId', '=', row.id)
      .executeTakeFirstOrThrow();
    const detail = await h.call(admin, 'GET', `/api/items/${item.id}`);
    const mine = detail.body.annotations.find((a: { userId: number }) => a.userId === member.id);
    const history = await h.call(admin, 'GET', `/api/annotations/${mine.id}/revisions`);
    expect(history.body.items).toEqual([
      expect.objectContaining({
        revision: 1,
        kind: 'import',
        userId: member.id,
        importedBy: { userId: lead.id, label: lead.email },
      }),
    ]);

    const exported = await h.call(admin, 'GET', `/api/projects/${project}/export`);
    const lines = String(exported.body)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const annotations = lines.find((l) => l.externalId === row.id).annotations;
    expect(
      annotations.map((a: { annotator: string; importedBy: string }) => [a.annotator, a.importedBy]),
    ).toEqual([
      [member.email, lead.email],
      ['Vendor 9', lead.email],
    ]);
  });

  it('is null on revisions an annotator wrote', async () => {
    expect((await post(lead, [line([])])).status).toBe(201);
    const next = await h.call(member, 'POST', `/api/projects/${project}/assignments/next`);
    expect(next.status).toBe(200);
    const saved = await h.call(member, 'PUT', `/api/assignments/${next.body.assignment.id}/draft`, {
      answers: { topic: 'other' },
    });
    const history = await h.call(admin, 'GET', `/api/annotations/${saved.body.annotation.id}/revisions`);
    expect(history.body.items).toEqual([expect.objectContaining({ kind: 'draft', importedBy: null })]);
  });
});
