import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PREDICTIONS_PER_LINE } from '../../core/codecs/items.ts';
import { writeTransaction } from '../db/transaction.ts';
import { buildProject } from '../testing/factories.ts';
import { type Harness, jsonl, startHarness, type TestUser } from '../testing/harness.ts';
import { upsertPredictions } from './predictions.repository.ts';

/** Predictions on import lines (docs/suggestions.md): checked, stored with the items, or nothing. */

let h: Harness;
let manager: TestUser;
beforeAll(async () => {
  h = await startHarness();
  manager = await h.user('manager');
});
afterAll(async () => h.close());

async function post(project: number, body: string, query = '') {
  const res = await h.verity.app.inject({
    method: 'POST',
    url: `/api/projects/${project}/items${query}`,
    headers: { authorization: `Bearer ${manager.token}`, 'content-type': 'application/x-ndjson' },
    payload: body,
  });
  return { status: res.statusCode, body: JSON.parse(res.body) };
}

const stored = (project: number) =>
  h.verity.store.db
    .selectFrom('predictions as p')
    .innerJoin('items as i', 'i.id', 'p.itemId')
    .select(['i.externalId', 'p.agent', 'p.score', 'p.answers', 'p.source'])
    .where('p.projectId', '=', project)
    .orderBy('i.externalId')
    .orderBy('p.agent')
    .execute();

describe('an import line with predictions', () => {
  it('stores each prediction, its answers normalised as a submitted answer, score optional', async () => {
    const project = await buildProject(h, manager);
    const rows = [
      {
        id: 'a',
        data: { text: 'x', source: 's' },
        predictions: [
          { agent: 'model-b', score: 0.87, answers: { topic: 'geometry', flags: ['pii', 'unsafe'] } },
          { agent: 'rules', answers: { difficulty: 2 } },
        ],
      },
      { id: 'b', data: { text: 'y', source: 's' } },
      {
        id: 'c',
        data: { text: 'z', source: 's' },
        predictions: [{ agent: 'model-b', score: 1, answers: {} }],
      },
    ];
    const res = await post(project, jsonl(rows));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ imported: 3, predictions: 3, invalid: 0 });
    expect(await stored(project)).toEqual([
      {
        externalId: 'a',
        agent: 'model-b',
        score: 0.87,
        // Selections in option order, as validation writes them.
        answers: '{"topic":"geometry","flags":["unsafe","pii"]}',
        source: 'import',
      },
      { externalId: 'a', agent: 'rules', score: null, answers: '{"difficulty":2}', source: 'import' },
      { externalId: 'c', agent: 'model-b', score: 1, answers: '{}', source: 'import' },
    ]);
  });

  it('names the line and path of a bad prediction, and imports nothing', async () => {
    const project = await buildProject(h, manager);
    const rows = [
      {
        id: 'ok',
        data: { text: 'x', source: 's' },
        predictions: [{ agent: 'm', answers: { topic: 'algebra' } }],
      },
      {
        id: 'bad-answer',
        data: { text: 'x', source: 's' },
        predictions: [
          { agent: 'm', answers: { topic: 'algebra' } },
          { agent: 'n', answers: { topic: 'astronomy' } },
        ],
      },
      {
        id: 'unknown-question',
        data: { text: 'x', source: 's' },
        predictions: [{ agent: 'm', answers: { mood: 1 } }],
      },
      {
        id: 'twice',
        data: { text: 'x', source: 's' },
        predictions: [
          { agent: 'm', answers: {} },
          { agent: 'm', answers: {} },
        ],
      },
      { id: 'no-agent', data: { text: 'x', source: 's' }, predictions: [{ agent: ' ', answers: {} }] },
      {
        id: 'too-many',
        data: { text: 'x', source: 's' },
        predictions: Array.from({ length: MAX_PREDICTIONS_PER_LINE + 1 }, (_, k) => ({
          agent: `a${k}`,
          answers: {},
        })),
      },
    ];
    const res = await post(project, jsonl(rows));
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('IMPORT_INVALID');
    const messages = res.body.error.details.errors.map((e: { message: string }) => e.message);
    expect(messages).toHaveLength(5);
    expect(messages[0]).toMatch(/^line 2: predictions\[1\]\.answers\.topic: /);
    expect(messages[1]).toMatch(/^line 3: predictions\[0\]\.answers\.mood: unknown question/);
    expect(messages[2]).toBe('line 4: predictions[1].agent: "m" appears twice on this line');
    expect(messages[3]).toBe('line 5: predictions[0].agent must not be empty');
    expect(messages[4]).toMatch(/^line 6: "predictions" holds 33 predictions/);
    const items = await h.verity.store.db
      .selectFrom('items')
      .select('id')
      .where('projectId', '=', project)
      .execute();
    expect(items).toEqual([]);
    expect(await stored(project)).toEqual([]);
  });

  it('checks a suggested answer as a submitted one: too few selections are refused', async () => {
    const project = await buildProject(h, manager, {
      interface: {
        fields: [{ name: 'text', type: 'text' }],
        questions: [{ name: 'tags', type: 'multi_choice', options: ['a', 'b', 'c'], minSelected: 2 }],
      },
    });
    const res = await post(
      project,
      jsonl([{ data: { text: 'x' }, predictions: [{ agent: 'm', answers: { tags: ['a'] } }] }]),
    );
    expect(res.status).toBe(422);
    expect(res.body.error.details.errors[0].message).toMatch(
      /^line 1: predictions\[0\]\.answers\.tags: .*at least 2/,
    );
  });

  it('with skipInvalid keeps the valid lines and their predictions', async () => {
    const project = await buildProject(h, manager);
    const rows = [
      {
        id: 'a',
        data: { text: 'x', source: 's' },
        predictions: [{ agent: 'm', answers: { topic: 'other' } }],
      },
      {
        id: 'b',
        data: { text: 'x', source: 's' },
        predictions: [{ agent: 'm', answers: { topic: 'nope' } }],
      },
    ];
    const res = await post(project, jsonl(rows), '?skipInvalid=true');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ imported: 1, predictions: 1, invalid: 1 });
    expect((await stored(project)).map((r) => r.externalId)).toEqual(['a']);
  });

  it('goes in with a large import (the worker thread on SQLite, COPY on PostgreSQL) and rolls back whole', async () => {
    const project = await buildProject(h, manager);
    // ~600 KB: several stretches, lines without predictions between lines with them.
    const padding = 'p'.repeat(400);
    const rows = Array.from({ length: 1500 }, (_, k) => ({
      id: `big-${k}`,
      data: { text: `${k} ${padding}`, source: 's' },
      ...(k % 7 === 3
        ? { predictions: [{ agent: `m${k % 2}`, score: k, answers: { topic: 'algebra' } }] }
        : {}),
    }));
    const res = await post(project, jsonl(rows));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const expected = rows.filter((_, k) => k % 7 === 3).length;
    expect(res.body).toMatchObject({ imported: 1500, predictions: expected });
    const all = await stored(project);
    expect(all).toHaveLength(expected);
    expect(
      all.every((r) => r.externalId!.startsWith('big-') && Number(r.externalId!.slice(4)) % 7 === 3),
    ).toBe(true);

    // The same file with one bad prediction at the end: none of it, predictions included, is kept.
    const again = await buildProject(h, manager);
    const bad = [
      ...rows,
      { id: 'last', data: { text: 'x', source: 's' }, predictions: [{ agent: 'm', answers: { topic: 7 } }] },
    ];
    const refused = await post(again, jsonl(bad));
    expect(refused.status).toBe(422);
    expect(await stored(again)).toEqual([]);
  });
});

describe('upsertPredictions', () => {
  it('replaces the answers, score, source and time of the same item and agent', async () => {
    const project = await buildProject(h, manager);
    await post(
      project,
      jsonl([{ id: 'u', data: { text: 'x', source: 's' }, predictions: [{ agent: 'm', answers: {} }] }]),
    );
    const item = await h.verity.store.db
      .selectFrom('items')
      .select('id')
      .where('projectId', '=', project)
      .executeTakeFirstOrThrow();
    const row = (agent: string, topic: string, createdAt: number) => ({
      projectId: project,
      itemId: item.id,
      agent,
      score: 0.5,
      answers: JSON.stringify({ topic }),
      source: 'model' as const,
      createdAt,
    });
    await writeTransaction(h.verity.store, (tx) =>
      upsertPredictions(tx, [
        row('m', 'algebra', 10),
        row('judge', 'other', 11),
        row('judge', 'geometry', 12),
      ]),
    );
    const rows = await h.verity.store.db
      .selectFrom('predictions')
      .select(['agent', 'score', 'answers', 'source', 'createdAt'])
      .where('itemId', '=', item.id)
      .orderBy('agent')
      .execute();
    expect(rows).toEqual([
      { agent: 'judge', score: 0.5, answers: '{"topic":"geometry"}', source: 'model', createdAt: 12 },
      { agent: 'm', score: 0.5, answers: '{"topic":"algebra"}', source: 'model', createdAt: 10 },
    ]);
  });
});
