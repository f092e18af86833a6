import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH } from '../../core/json-depth.ts';
import { buildProject } from '../testing/factories.ts';
import { type Harness, jsonl, startHarness, type TestUser, testStore } from '../testing/harness.ts';

let h: Harness;
let manager: TestUser;
beforeAll(async () => {
  h = await startHarness();
  manager = await h.user('manager');
});
afterAll(async () => h.close());

/** A line of about 300 bytes, so a few thousand lines span several of the import's stretches. */
const line = (i: number, extra: Record<string, unknown> = {}) => ({
  id: `it-${i}`,
  data: { text: `item ${i} ${'lorem ipsum '.repeat(22)}`, source: 'test' },
  meta: { n: i },
  ...extra,
});

/**
 * Posts a body in chunks of 64 KB, as a network upload arrives: given whole, the server would
 * read the file as one chunk and never have a stretch ready before the end.
 */
async function post(projectId: number, payload: string | Readable, query = '') {
  const body = typeof payload === 'string' ? Readable.from(inChunks(payload, 64 * 1024)) : payload;
  const res = await h.verity.app.inject({
    method: 'POST',
    url: `/api/projects/${projectId}/items${query}`,
    headers: { authorization: `Bearer ${manager.token}`, 'content-type': 'application/x-ndjson' },
    payload: body,
  });
  return { status: res.statusCode, body: JSON.parse(res.body) };
}

function* inChunks(text: string, size: number): Generator<Buffer> {
  const bytes = Buffer.from(text);
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function stored(projectId: number) {
  return h.verity.store.db
    .selectFrom('items')
    .select(['id', 'externalId', 'data', 'meta', 'rand'])
    .where('projectId', '=', projectId)
    .orderBy('id')
    .execute();
}

describe('importing a large file (several stretches of the spool)', () => {
  it('stores every line once, in file order, with its data and meta', async () => {
    const project = await buildProject(h, manager);
    const lines = Array.from({ length: 4000 }, (_, i) => line(i));
    const res = await post(project, jsonl(lines));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ imported: 4000, invalid: 0, errors: [] });
    const rows = await stored(project);
    expect(rows.map((r) => r.externalId)).toEqual(lines.map((l) => l.id));
    expect(JSON.parse(rows[3999]!.data)).toEqual(lines[3999]!.data);
    expect(JSON.parse(rows[1234]!.meta)).toEqual({ n: 1234 });
  });

  it('names a repeated id with the line it first appeared on, and imports nothing', async () => {
    const project = await buildProject(h, manager);
    const lines = Array.from({ length: 3000 }, (_, i) => line(i));
    lines[2500] = line(7); // line 2501 repeats line 8, far apart in the file
    const res = await post(project, jsonl(lines));
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('IMPORT_INVALID');
    expect(res.body.error.details.errors).toEqual([
      { line: 2501, message: 'line 2501: id "it-7" repeats line 8' },
    ]);
    expect(await stored(project)).toEqual([]);
  });

  it('with skipInvalid keeps the first of a repeated id and every other line', async () => {
    const project = await buildProject(h, manager);
    const lines = Array.from({ length: 3000 }, (_, i) => line(i));
    lines[2999] = line(0);
    const res = await post(project, jsonl(lines), '?skipInvalid=true');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ imported: 2999, invalid: 1 });
    expect(res.body.errors).toEqual([{ line: 3000, message: 'line 3000: id "it-0" repeats line 1' }]);
    expect((await stored(project)).length).toBe(2999);
  });

  it('names ids the project already holds, and adds the new lines only with skipInvalid', async () => {
    const project = await buildProject(h, manager);
    expect((await post(project, jsonl([line(5), line(2900)]))).status).toBe(201);
    const lines = Array.from({ length: 3000 }, (_, i) => line(i));
    const refused = await post(project, jsonl(lines));
    expect(refused.status).toBe(422);
    expect(refused.body.error.details.errors).toEqual([
      { line: 6, message: 'line 6: id "it-5" already exists in this project' },
      { line: 2901, message: 'line 2901: id "it-2900" already exists in this project' },
    ]);
    expect((await stored(project)).length).toBe(2);
    const skipped = await post(project, jsonl(lines), '?skipInvalid=true');
    expect(skipped.body).toMatchObject({ imported: 2998, invalid: 2 });
    const rows = await stored(project);
    expect(rows.length).toBe(3000);
    expect(new Set(rows.map((r) => r.externalId)).size).toBe(3000);
  });

  it('lists invalid lines from every stretch in line order, and imports nothing', async () => {
    const project = await buildProject(h, manager);
    const text = Array.from({ length: 3000 }, (_, i) =>
      i === 10 || i === 2990 ? '{"data": {"text": 1, "source": "x"}}' : JSON.stringify(line(i)),
    ).join('\n');
    const res = await post(project, text);
    expect(res.status).toBe(422);
    expect(res.body.error.details.errors.map((e: { line: number }) => e.line)).toEqual([11, 2991]);
    expect(await stored(project)).toEqual([]);
  });

  it('imports annotations carried by lines in any stretch', async () => {
    const project = await buildProject(h, manager, { overlap: 2 });
    const annotated = { annotations: [{ annotator: 'Grace (external)', answers: { topic: 'geometry' } }] };
    const lines = Array.from({ length: 3000 }, (_, i) => (i % 1000 === 999 ? line(i, annotated) : line(i)));
    const res = await post(project, jsonl(lines));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ imported: 3000, annotations: 3 });
    const items = await h.verity.store.db
      .selectFrom('items')
      .select(['externalId', 'submittedCount', 'slotsLeft'])
      .where('projectId', '=', project)
      .where('submittedCount', '>', 0)
      .orderBy('id')
      .execute();
    expect(items).toEqual(
      ['it-999', 'it-1999', 'it-2999'].map((externalId) => ({ externalId, submittedCount: 1, slotsLeft: 1 })),
    );
  });
});

describe('awkward text', () => {
  it('stores ids, data and meta with tabs, newlines, backslashes, quotes and emoji exactly', async () => {
    const project = await buildProject(h, manager);
    const odd = 'tab\there, new\nline, back\\slash \\N, "quoted", \r, é, 👩‍🔬';
    const lines = [
      { id: odd, data: { text: odd, source: '\\.' }, meta: { note: odd } },
      { id: `${odd}-2`, data: { text: '\\', source: '' } },
    ];
    const res = await post(project, jsonl(lines));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const rows = await stored(project);
    expect(rows.map((r) => r.externalId)).toEqual([odd, `${odd}-2`]);
    expect(JSON.parse(rows[0]!.data)).toEqual(lines[0]!.data);
    expect(JSON.parse(rows[0]!.meta)).toEqual({ note: odd });
    expect(JSON.parse(rows[1]!.data)).toEqual(lines[1]!.data);
  });
});

describe('deeply nested JSON', () => {
  /** A line whose meta nests `depth` arrays, written as text: JSON.stringify itself overflows there. */
  const nestedLine = (id: string, depth: number) =>
    `{"id":"${id}","data":{"text":"deep","source":"x"},"meta":{"n":${'['.repeat(depth)}${']'.repeat(depth)}}}`;

  it("reports a line nested past the limit as that line's error, and with skipInvalid imports the rest", async () => {
    const project = await buildProject(h, manager);
    const body = `${jsonl([line(1)])}${nestedLine('deep', 5000)}\n${jsonl([line(3)])}`;
    const res = await post(project, body, '?skipInvalid=true');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ imported: 2, invalid: 1 });
    expect(res.body.errors).toEqual([
      { line: 2, message: `line 2: nested deeper than ${MAX_JSON_DEPTH} levels of arrays and objects` },
    ]);
    expect((await stored(project)).map((r) => r.externalId)).toEqual(['it-1', 'it-3']);
  });

  it('refuses the whole import for one over-deep line without skipInvalid, and accepts a line at the limit', async () => {
    const project = await buildProject(h, manager);
    const refused = await post(project, `${jsonl([line(1)])}${nestedLine('deep', MAX_JSON_DEPTH)}\n`);
    expect(refused.status).toBe(422);
    expect(refused.body.error.details.errors.map((e: { line: number }) => e.line)).toEqual([2]);
    expect(await stored(project)).toEqual([]);
    // meta is one level and its key "n" holds the arrays: the line's deepest value is at depth limit.
    const atLimit = await post(project, `${nestedLine('ok', MAX_JSON_DEPTH - 2)}\n`);
    expect(atLimit.status, JSON.stringify(atLimit.body)).toBe(201);
  });
});

describe('random order keys', () => {
  it('are drawn for a random-order project and left at 0 for a sequential one', async () => {
    const sequential = await buildProject(h, manager);
    const random = await buildProject(h, manager, { itemOrder: 'random' });
    const lines = jsonl(Array.from({ length: 50 }, (_, i) => line(i)));
    await post(sequential, lines);
    await post(random, lines);
    expect((await stored(sequential)).every((r) => r.rand === 0)).toBe(true);
    const keys = (await stored(random)).map((r) => r.rand);
    expect(keys.every((k) => k >= 1 && k <= 2147483647)).toBe(true);
    expect(new Set(keys).size).toBeGreaterThan(40);
  });

  it('are drawn for every item when a project switches to random order, which then hands them all out', async () => {
    const project = await buildProject(h, manager);
    await post(project, jsonl(Array.from({ length: 20 }, (_, i) => line(i))));
    const res = await h.call(manager, 'PATCH', `/api/projects/${project}`, { itemOrder: 'random' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect((await stored(project)).every((r) => r.rand >= 1)).toBe(true);
    const seen = new Set<number>();
    for (;;) {
      const next = await h.call(manager, 'POST', `/api/projects/${project}/assignments/next`);
      if (next.status === 204) break;
      seen.add(next.body.item.id);
      await h.call(manager, 'POST', `/api/assignments/${next.body.assignment.id}/skip`, {});
    }
    expect(seen.size).toBe(20);
  });
});

/** A body that sends `first` lines, then waits until released, then the rest. */
function stalledBody(first: string, rest: string) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  async function* chunks() {
    yield Buffer.from(first);
    await released;
    yield Buffer.from(rest);
  }
  return { body: Readable.from(chunks()), release };
}

describe('an import while the server is writing', () => {
  it('lets other writes through while its upload stalls, and still imports every line', async () => {
    const project = await buildProject(h, manager);
    const lines = Array.from({ length: 4000 }, (_, i) => JSON.stringify(line(i)));
    const { body, release } = stalledBody(
      lines.slice(0, 2000).join('\n') + '\n',
      lines.slice(2000).join('\n') + '\n',
    );
    let importDone = false;
    const importing = post(project, body).then((r) => {
      importDone = true;
      return r;
    });
    // Past the first stretch, the upload waits. A write must get through meanwhile (on SQLite
    // the import gives its write lock back after a short wait; on PostgreSQL it never takes one).
    await new Promise((resolve) => setTimeout(resolve, 100));
    const other = await buildProject(h, manager);
    expect(importDone).toBe(false);
    expect(other).toBeGreaterThan(project);
    release();
    const res = await importing;
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.imported).toBe(4000);
    expect((await stored(project)).map((r) => r.externalId)).toEqual(
      Array.from({ length: 4000 }, (_, i) => `it-${i}`),
    );
  });

  it('makes writes that arrive during an import wait for it, then succeed', async () => {
    const project = await buildProject(h, manager);
    const lines = jsonl(Array.from({ length: 6000 }, (_, i) => line(i)));
    const importing = post(project, lines);
    const writes = await Promise.all(Array.from({ length: 5 }, () => buildProject(h, manager)));
    const res = await importing;
    expect(res.status).toBe(201);
    expect(res.body.imported).toBe(6000);
    expect(new Set(writes).size).toBe(5);
  });
});

describe.runIf(testStore() === 'postgres')('PostgreSQL fast path', () => {
  it('starts over exactly when a COPY meets a taken id, naming the right lines', async () => {
    const project = await buildProject(h, manager);
    const lines = Array.from({ length: 6000 }, (_, i) => line(i));
    lines[5000] = line(1); // after several stretches went in by COPY
    lines[5500] = line(5001);
    const res = await post(project, jsonl(lines), '?skipInvalid=true');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ imported: 5998, invalid: 2 });
    expect(res.body.errors).toEqual([
      { line: 5001, message: 'line 5001: id "it-1" repeats line 2' },
      { line: 5501, message: 'line 5501: id "it-5001" repeats line 5002' },
    ]);
    expect((await stored(project)).length).toBe(5998);
  });

  it('starts over when the COPY fails early while later rows are still being written into it', async () => {
    const project = await buildProject(h, manager);
    const lines = Array.from({ length: 30_000 }, (_, i) => line(i));
    lines[20] = line(1);
    const res = await post(project, jsonl(lines), '?skipInvalid=true');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ imported: 29_999, invalid: 1 });
    expect(res.body.errors).toEqual([{ line: 21, message: 'line 21: id "it-1" repeats line 2' }]);
    const rows = await stored(project);
    expect(rows.length).toBe(29_999);
    expect(rows[29_998]!.externalId).toBe('it-29999');
  });

  it('gives up an open COPY when a late line is invalid, and its connection then serves the next import', async () => {
    const project = await buildProject(h, manager);
    const lines: unknown[] = Array.from({ length: 30_000 }, (_, i) => line(i));
    lines[29_000] = { id: 'bad', data: { source: 'no text' } };
    const res = await post(project, jsonl(lines));
    expect(res.status).toBe(422);
    expect(res.body.error.details.errors.map((e: { line: number }) => e.line)).toEqual([29_001]);
    expect(await stored(project)).toEqual([]);
    // Every pooled connection must be usable: as many imports as the pool has connections.
    const again = await Promise.all(
      Array.from({ length: 12 }, (_, k) =>
        post(project, jsonl(Array.from({ length: 5 }, (_, i) => line(100_000 + k * 10 + i)))),
      ),
    );
    expect(again.map((r) => r.status)).toEqual(Array(12).fill(201));
    expect((await stored(project)).length).toBe(60);
  });
});
