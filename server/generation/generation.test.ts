import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { next, seedUser } from '../testing/factories.ts';
import {
  addConnection,
  expectFilled,
  itemsOf,
  jobEnd,
  jobSteps,
  promptProject,
} from '../testing/generation.ts';
import { type Harness, startHarness, type TestUser } from '../testing/harness.ts';
import { closedPortUrl } from '../testing/loopback.ts';
import { type OpenAiServer, startOpenAiServer } from '../testing/openai-server.ts';

/**
 * Candidate generation end to end (docs/generation.md), on the store of the pass, against the
 * loopback OpenAI-compatible server through the production client: what each candidate records,
 * items opening, mode `new`, retried faults, and failures that end as clear errors on the steps.
 */
const KEY = 'sk-generation-test-91c2e0';
let h: Harness;
let ai: OpenAiServer;
let admin: TestUser;
let manager: TestUser;

beforeAll(async () => {
  h = await startHarness();
  // The API process enqueues; a sibling on the same store runs the steps, as `verity start` does.
  await h.sibling({
    runJobs: true,
    jobRunner: { pollMs: 20, maxAttempts: 4, backoffBaseMs: 20, backoffCapMs: 100, leaseMs: 5_000 },
  });
  ai = await startOpenAiServer({ apiKey: KEY, models: ['gen-model'] });
  admin = await seedUser(h.verity, 'admin');
  manager = await seedUser(h.verity, 'manager');
});
afterAll(async () => {
  await h?.close();
  await ai?.close();
});
beforeEach(() => ai.reset());

const start = (projectId: number, body: Record<string, unknown>) =>
  h.call(manager, 'POST', `/api/projects/${projectId}/generate`, body);

async function generated(projectId: number, body: Record<string, unknown>) {
  const res = await start(projectId, body);
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  return { jobId: res.body.jobId as number, job: await jobEnd(h.verity, res.body.jobId) };
}

describe('generation', () => {
  it('fills every prompt item with K candidates recording model, parameters, tokens and latency, then opens it', async () => {
    const { projectId, annotator } = await promptProject(h, manager, 5);
    const conn = await addConnection(h.verity, admin.id, {
      baseUrl: ai.baseURL,
      apiKey: KEY,
      params: { temperature: 0.3, max_tokens: 64 },
    });
    const { jobId, job } = await generated(projectId, {
      connection: conn.name,
      candidates: 2,
      params: { temperature: 0.9, seed: 7 },
      system: 'Answer briefly.',
    });
    expect(job).toMatchObject({ status: 'succeeded', totalSteps: 10, doneSteps: 10, failedSteps: 0 });
    const items = await itemsOf(h.verity, projectId);
    expectFilled(items, conn.name, 2);
    for (const item of items) {
      const [first] = item.data.pair;
      expect(first.model).toBe('gen-model');
      expect(first.content).toContain(item.data.prompt[0].content);
      expect(first.generation).toEqual({
        connection: conn.name,
        model: 'gen-model',
        params: expect.objectContaining({ temperature: 0.9, seed: 7, max_tokens: 64 }),
        promptTokens: expect.any(Number),
        completionTokens: expect.any(Number),
        latencyMs: expect.any(Number),
        job: jobId,
      });
      expect(first.generation.promptTokens).toBeGreaterThan(0);
    }
    // Each step keeps what its call cost, not the text again (that is in the item).
    for (const step of await jobSteps(h.verity, jobId)) {
      const kept = JSON.parse(step.result ?? 'null');
      expect(kept).toMatchObject({ model: 'gen-model', promptTokens: expect.any(Number) });
      expect(kept).not.toHaveProperty('content');
    }
    // One request per slot, the system prompt first, the chat's turns after it.
    expect(ai.requestCount).toBe(10);
    expect(ai.requests[0]!.messages[0]).toEqual({ role: 'system', content: 'Answer briefly.' });
    expect(ai.requests[0]!.body.temperature).toBe(0.9);
    // Open now: served, and without the model's name or the generation record (models hidden).
    const work = await next(h, annotator, projectId);
    expect(work.status).toBe(200);
    expect(JSON.stringify(work.body)).not.toContain('gen-model');
    expect(JSON.stringify(work.body)).not.toContain('"generation"');
    const project = await h.call(manager, 'GET', `/api/projects/${projectId}`);
    expect(project.body.progress).toMatchObject({ items: 5, awaiting: 0 });
  });

  it('in mode new makes one new item per item in the target project, naming its source', async () => {
    const source = await promptProject(h, manager, 3);
    const target = await promptProject(h, manager, 0);
    const conn = await addConnection(h.verity, admin.id, { baseUrl: ai.baseURL, apiKey: KEY });
    const { jobId, job } = await generated(source.projectId, {
      connection: conn.id,
      candidates: 2,
      mode: 'new',
      targetProjectId: target.projectId,
    });
    expect(job.status).toBe('succeeded');
    const made = await itemsOf(h.verity, target.projectId);
    const sources = await itemsOf(h.verity, source.projectId);
    expect(made).toHaveLength(3);
    expectFilled(made, conn.name, 2);
    // Made in the order their first slots landed: matched to their sources by the record.
    made.sort((a, b) => a.meta.generatedFrom.item - b.meta.generatedFrom.item);
    expect(made.map((i) => i.meta.generatedFrom)).toEqual(
      sources.map((s) => ({ item: s.id, externalId: s.externalId, job: jobId })),
    );
    expect(made.map((i) => i.data.prompt)).toEqual(sources.map((s) => s.data.prompt));
    // The sources are untouched (still awaiting their own candidates).
    expect(sources.every((s) => s.awaiting === 1)).toBe(true);
  });

  it('ends at once, with no step, when no item awaits candidates', async () => {
    const { projectId } = await promptProject(h, manager, 0);
    const conn = await addConnection(h.verity, admin.id, { baseUrl: ai.baseURL, apiKey: KEY });
    const { job } = await generated(projectId, { connection: conn.name, candidates: 2 });
    expect(job).toMatchObject({ status: 'succeeded', totalSteps: 0 });
    expect(ai.requestCount).toBe(0);
  });

  it('refuses K that does not fit the questions, an unknown connection and a field that is not there', async () => {
    const { projectId } = await promptProject(h, manager, 1);
    const conn = await addConnection(h.verity, admin.id, { baseUrl: ai.baseURL, apiKey: KEY });
    const three = await start(projectId, { connection: conn.name, candidates: 3 });
    expect(three.status).toBe(400);
    expect(three.body.error.message).toMatch(/body\.candidates: .*exactly 2 candidates/);
    expect((await start(projectId, { connection: 'no-such-connection', candidates: 2 })).status).toBe(404);
    const field = await start(projectId, { connection: conn.name, candidates: 2, field: 'prompt' });
    expect(field.body.error.message).toMatch(/body\.field/);
  });
});

describe('faults', () => {
  it('retries a 429 after its Retry-After, and a 500, then succeeds', async () => {
    const { projectId } = await promptProject(h, manager, 2);
    const conn = await addConnection(h.verity, admin.id, { baseUrl: ai.baseURL, apiKey: KEY });
    ai.scriptWhen('Question number 1?', { status: 429, retryAfter: 1 });
    ai.scriptWhen('Question number 2?', { status: 500 });
    const { jobId, job } = await generated(projectId, { connection: conn.name, candidates: 2 });
    expect(job.status).toBe('succeeded');
    expectFilled(await itemsOf(h.verity, projectId), conn.name, 2);
    const attempts = (await jobSteps(h.verity, jobId)).map((s) => s.attempts).sort();
    expect(attempts).toEqual([1, 1, 2, 2]);
    // The 429's slot waited the second the server asked for.
    const rateLimited = ai.requests.filter((r) => r.prompt === 'Question number 1?').map((r) => r.at);
    expect(rateLimited).toHaveLength(3);
    expect(Math.max(...rateLimited) - Math.min(...rateLimited)).toBeGreaterThanOrEqual(900);
  });

  const failing: [string, () => Promise<Parameters<typeof addConnection>[2]>, RegExp][] = [
    [
      'a wrong key (401)',
      async () => ({ baseUrl: ai.baseURL, apiKey: 'sk-wrong-key-77aa' }),
      /401|key|unauthori/i,
    ],
    [
      'a model that does not exist',
      async () => ({ baseUrl: ai.baseURL, apiKey: KEY, model: 'no-such-model' }),
      /no-such-model|model/i,
    ],
    [
      'an unreachable endpoint',
      async () => ({ baseUrl: `${(await closedPortUrl()).url}/v1`, apiKey: KEY }),
      /reach|connect|refused/i,
    ],
    [
      'a timeout',
      async () => ({ baseUrl: ai.baseURL, apiKey: KEY, timeoutMs: 150 }),
      /no answer .* within 150 ms/,
    ],
  ];
  for (const [what, connection, message] of failing) {
    it(`ends ${what} as a clear error on the job's steps, never a stuck job`, async () => {
      const { projectId } = await promptProject(h, manager, 1);
      const conn = await addConnection(h.verity, admin.id, await connection());
      if (what === 'a timeout') ai.scriptWhen('Question number 1?', ...Array(8).fill({ hang: true }));
      const { jobId, job } = await generated(projectId, { connection: conn.name, candidates: 2 });
      expect(job.status).toBe('failed');
      const steps = await jobSteps(h.verity, jobId);
      expect(steps.map((s) => s.status)).toEqual(['failed', 'failed']);
      for (const s of steps) {
        expect(s.error).toMatch(message);
        expect(s.error).not.toContain(KEY);
        expect(s.error).not.toContain('sk-wrong-key-77aa');
      }
      const [item] = await itemsOf(h.verity, projectId);
      expect(item!.awaiting).toBe(1);
      expect(item!.slotsLeft).toBe(0);
    });
  }
});
