import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findJob } from '../jobs/jobs.repository.ts';
import { type Harness, startHarness, type TestUser } from '../testing/harness.ts';
import { FAST_RUNNER, until } from '../testing/job-fixtures.ts';
import {
  addConnection,
  goodReply,
  HIDDEN_MODELS,
  judgeProject,
  offeredIds,
} from '../testing/judge-fixtures.ts';
import { type OpenAiServer, startOpenAiServer } from '../testing/openai-server.ts';
import { assertNowhere, collectLogs } from '../testing/secret-search.ts';

/**
 * A model judge answering a pairwise project through structured output, on the job system
 * (docs/judge.md): the request asks for the schema, a reply that breaks it is refused and
 * retried, a model that ignores it every time fails its steps with a clear error and the job
 * ends; the judge's answers take no person's slot, are marked `model`, and stay out of the
 * statistics and the training exports unless asked for.
 */

const KEY = `sk-judge-${randomBytes(12).toString('hex')}`;
const OTHER = `sk-wrong-${randomBytes(12).toString('hex')}`;
const logs = collectLogs('trace');
let h: Harness;
let ai: OpenAiServer;
let admin: TestUser;
let manager: TestUser;
let connection: number;
const seen: { where: string; text: unknown }[] = [];

beforeAll(async () => {
  h = await startHarness({
    logger: logs.logger,
    runJobs: true,
    jobRunner: { ...FAST_RUNNER, maxAttempts: 3, backoffBaseMs: 5, backoffCapMs: 20 },
  });
  ai = await startOpenAiServer({ apiKey: KEY, models: ['judge-1'] });
  ai.reply = goodReply;
  admin = await h.user('admin');
  manager = await h.user('manager');
  connection = await addConnection(h, admin, ai, { name: 'Judge One', model: 'judge-1' });
});
afterAll(async () => {
  await h?.close();
  await ai?.close();
});

async function call(method: string, url: string, body?: unknown) {
  const res = await h.call(manager, method, url, body);
  seen.push({ where: `${method} ${url}`, text: res.body });
  return res;
}

/** The job once it has ended, as the store holds it. */
async function ended(jobId: number) {
  return until(async () => {
    const job = await findJob(h.verity.store.db, jobId);
    return job && ['succeeded', 'failed', 'cancelled'].includes(job.status) ? job : undefined;
  });
}

async function judgeOf(projectId: number): Promise<number> {
  const res = await call('POST', `/api/projects/${projectId}/judges`, { connection });
  expect(res.status).toBe(201);
  return res.body.userId;
}

const stepsOf = (jobId: number) =>
  h.verity.store.db.selectFrom('jobSteps').selectAll().where('jobId', '=', jobId).orderBy('id').execute();

describe('a judge run', () => {
  it('answers every item through structured output, as a model annotation that takes no slot', async () => {
    const { projectId, itemIds, annotators } = await judgeProject(h, manager, { items: 3, annotators: 2 });
    const judge = await judgeOf(projectId);
    ai.reset();
    const run = await call('POST', `/api/projects/${projectId}/judges/${judge}/run`, {});
    expect(run.status).toBe(201);
    const job = await ended(run.body.jobId);
    expect(job).toMatchObject({ kind: 'judge', status: 'succeeded' });

    expect(ai.requests).toHaveLength(3);
    for (const req of ai.requests) {
      expect(req.jsonSchema).toMatchObject({ name: 'answers', strict: true });
      expect(req.body.response_format.type).toBe('json_schema');
      const text = JSON.stringify(req.messages);
      for (const model of HIDDEN_MODELS) expect(text).not.toContain(model);
      expect(text).toContain('Prefer the answer that is right.');
      expect(offeredIds(req)).toHaveLength(2);
    }

    for (const itemId of itemIds) {
      const detail = await call('GET', `/api/items/${itemId}`);
      const [annotation] = detail.body.annotations;
      expect(detail.body.annotations).toHaveLength(1);
      expect(annotation).toMatchObject({ userId: judge, annotatorKind: 'model', status: 'submitted' });
      const shown: string[] = annotation.shown.pair;
      expect(annotation.answers).toEqual({
        pref: { preferred: shown[1], strength: 2, justification: 'It adds up.' },
        verdict: 'good',
        clarity: 4,
      });
    }
    const items = await h.verity.store.db
      .selectFrom('items')
      .select(['slotsLeft', 'submittedCount'])
      .where('projectId', '=', projectId)
      .execute();
    expect(items.every((i) => i.slotsLeft === 2 && i.submittedCount === 0)).toBe(true);
    // Both people still find every item: the judge took none of their places and locked nothing.
    for (const a of annotators) {
      const claimed: number[] = [];
      for (let i = 0; i < 3; i++) {
        const next = await h.call(a, 'POST', `/api/projects/${projectId}/assignments/next`);
        expect(next.status).toBe(200);
        claimed.push(next.body.item.id);
        await h.call(a, 'POST', `/api/assignments/${next.body.assignment.id}/skip`, { reason: 'later' });
      }
      expect(claimed.sort()).toEqual([...itemIds].sort());
    }
  });

  it('refuses a reply that breaks the schema and retries: the second reply is stored, once', async () => {
    const { projectId, itemIds } = await judgeProject(h, manager, { items: 1, annotators: 0, name: 'Retry' });
    const judge = await judgeOf(projectId);
    ai.reset();
    ai.script({
      content: JSON.stringify({
        answers: { pref: { preferred: 'A', strength: 2, justification: '' }, verdict: 'good', clarity: 4 },
      }),
    });
    const run = await call('POST', `/api/projects/${projectId}/judges/${judge}/run`, {});
    const job = await ended(run.body.jobId);
    expect(job.status).toBe('succeeded');
    expect(ai.requests).toHaveLength(2);
    const [step] = await stepsOf(run.body.jobId);
    expect(step).toMatchObject({ status: 'done', attempts: 2 });
    const annotations = await h.verity.store.db
      .selectFrom('annotations')
      .selectAll()
      .where('itemId', '=', itemIds[0]!)
      .execute();
    expect(annotations).toHaveLength(1);
    expect(annotations[0]!.revision).toBe(1);
  });

  it('fails the steps of a model that ignores the schema every time, with a clear error, and ends the job', async () => {
    const { projectId, itemIds } = await judgeProject(h, manager, {
      items: 2,
      annotators: 0,
      name: 'Ignored',
    });
    const judge = await judgeOf(projectId);
    ai.reset();
    ai.reply = () => JSON.stringify({ answers: { verdict: 'maybe' } });
    try {
      const run = await call('POST', `/api/projects/${projectId}/judges/${judge}/run`, {});
      const job = await ended(run.body.jobId);
      expect(job.status).toBe('failed');
      const steps = await stepsOf(run.body.jobId);
      expect(steps.map((s) => s.status)).toEqual(['failed', 'failed']);
      for (const s of steps) {
        expect(s.attempts).toBe(3);
        expect(s.error).toBe(
          `The model's answers were refused: question "pref": no answer in the reply; question "clarity": no answer in the reply. (after 3 attempts)`,
        );
      }
      expect(ai.requests).toHaveLength(6);
      const stored = await h.verity.store.db
        .selectFrom('annotations')
        .select('id')
        .where('itemId', 'in', itemIds)
        .execute();
      expect(stored).toEqual([]);
    } finally {
      ai.reply = goodReply;
    }
  });

  it('keeps the judge out of statistics and training exports unless asked, and marks it in the JSONL export', async () => {
    const { projectId, itemIds, annotators } = await judgeProject(h, manager, {
      items: 2,
      annotators: 1,
      name: 'Kept apart',
    });
    const judge = await judgeOf(projectId);
    const person = annotators[0]!;
    const next = await h.call(person, 'POST', `/api/projects/${projectId}/assignments/next`);
    const ids: string[] = next.body.item.data.pair.map((c: { id: string }) => c.id);
    const submitted = await h.call(person, 'POST', `/api/assignments/${next.body.assignment.id}/submit`, {
      answers: { pref: { preferred: ids[0], strength: 1 }, verdict: 'bad', note: 'mine' },
      idempotencyKey: `person-${randomBytes(4).toString('hex')}`,
    });
    expect(submitted.status).toBe(200);
    const run = await call('POST', `/api/projects/${projectId}/judges/${judge}/run`, {});
    expect((await ended(run.body.jobId)).status).toBe('succeeded');

    const stats = await call('GET', `/api/projects/${projectId}/stats`);
    expect(stats.body.annotators.map((a: { userId: number }) => a.userId)).toEqual([person.id]);
    expect(
      stats.body.distributions.find((d: { question: string }) => d.question === 'verdict').answered,
    ).toBe(1);
    const all = await call('GET', `/api/projects/${projectId}/stats?includeModels=true`);
    expect(all.body.annotators).toContainEqual(
      expect.objectContaining({ userId: judge, kind: 'model', submitted: 2 }),
    );
    expect(all.body.distributions.find((d: { question: string }) => d.question === 'verdict').answered).toBe(
      3,
    );

    const exported = async (query: string) => {
      const res = await h.verity.app.inject({
        method: 'GET',
        url: `/api/projects/${projectId}/export?${query}`,
        headers: { authorization: `Bearer ${manager.token}` },
      });
      expect(res.statusCode).toBe(200);
      seen.push({ where: `export ${query}`, text: res.body });
      return res.body
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l));
    };
    const people = await exported('format=preference');
    expect(people).toHaveLength(1);
    expect(people[0]).toMatchObject({ annotator: person.email });
    const withModels = await exported('format=preference&includeModels=true');
    expect(withModels).toHaveLength(3);
    expect(withModels.filter((l) => l.annotator === 'Judge One (model)')).toHaveLength(2);
    const lines = await exported('format=jsonl');
    const kinds = lines.flatMap((l) =>
      l.annotations.map((a: { annotatorKind: string; userId: number }) => [a.userId, a.annotatorKind]),
    );
    expect(kinds).toContainEqual([judge, 'model']);
    expect(kinds).toContainEqual([person.id, 'human']);
    expect(itemIds).toHaveLength(2);
  });

  it('stores model suggestions as predictions with source model', async () => {
    const { projectId, itemIds } = await judgeProject(h, manager, {
      items: 2,
      annotators: 0,
      name: 'Suggested',
    });
    ai.reset();
    ai.reply = (req) => {
      const answers = JSON.parse(goodReply(req)).answers;
      return JSON.stringify({ answers: { ...answers, note: 'a suggestion' }, confidence: 0.8 });
    };
    try {
      const run = await call('POST', `/api/projects/${projectId}/suggest`, { connection, confidence: true });
      expect(run.status).toBe(201);
      expect((await ended(run.body.jobId)).status).toBe('succeeded');
    } finally {
      ai.reply = goodReply;
    }
    const rows = await h.verity.store.db
      .selectFrom('predictions')
      .selectAll()
      .where('projectId', '=', projectId)
      .orderBy('itemId')
      .execute();
    expect(rows.map((r) => [r.itemId, r.agent, r.source, r.score])).toEqual(
      itemIds.map((id) => [id, 'Judge One', 'model', 0.8]),
    );
    expect(JSON.parse(rows[0]!.answers)).toMatchObject({ verdict: 'good', clarity: 4, note: 'a suggestion' });
    // Suggestions are no annotations.
    const annotations = await h.verity.store.db
      .selectFrom('annotations')
      .select('id')
      .where('projectId', '=', projectId)
      .execute();
    expect(annotations).toEqual([]);
  });

  it("shows the connection's key nowhere: responses, job steps, logs, a wrong key's failure included", async () => {
    const wrong = await addConnection(
      h,
      admin,
      { baseURL: ai.baseURL, apiKey: OTHER },
      { name: 'Wrong key', model: 'judge-1' },
    );
    const { projectId } = await judgeProject(h, manager, { items: 1, annotators: 0, name: 'Refused' });
    const added = await call('POST', `/api/projects/${projectId}/judges`, { connection: wrong });
    const run = await call('POST', `/api/projects/${projectId}/judges/${added.body.userId}/run`, {});
    const job = await ended(run.body.jobId);
    expect(job.status).toBe('failed');
    const [step] = await stepsOf(run.body.jobId);
    expect(step).toMatchObject({ status: 'failed', attempts: 1 });
    expect(step!.error).toMatch(/Wrong key/);
    expect(step!.error).toMatch(/401|key/i);
    assertNowhere(OTHER, [
      { where: 'step', text: step!.error },
      ...logs.lines.map((line, i) => ({ where: `log ${i}`, text: line })),
    ]);
    const steps = await h.verity.store.db.selectFrom('jobSteps').select(['error', 'result']).execute();
    assertNowhere(KEY, [
      ...seen,
      ...steps.map((s, i) => ({ where: `step ${i}`, text: `${s.error ?? ''} ${s.result ?? ''}` })),
      ...logs.lines.map((line, i) => ({ where: `log ${i}`, text: line })),
    ]);
    expect(logs.lines.length).toBeGreaterThan(0);
  });
});
