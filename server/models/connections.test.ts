import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness, type TestUser } from '../testing/harness.ts';
import { type OpenAiServer, startOpenAiServer } from '../testing/openai-server.ts';
import { findConnection } from './connections.repository.ts';
import { unseal } from './seal.ts';

const KEY = 'sk-routes-test-8c2e51';
let h: Harness;
let ai: OpenAiServer;
let admin: TestUser;

beforeAll(async () => {
  h = await startHarness();
  ai = await startOpenAiServer({ apiKey: KEY, models: ['tiny-1'] });
  admin = await h.user('admin');
});
afterAll(async () => {
  await h?.close();
  await ai?.close();
});

let serial = 0;
const body = (over: Record<string, unknown> = {}) => ({
  name: `Local model ${++serial}`,
  baseUrl: ai.baseURL,
  model: 'tiny-1',
  apiKey: KEY,
  allowPrivateNetwork: true,
  ...over,
});

describe('model connection routes', () => {
  it('adds, shows, lists, changes and removes a connection, never returning the key', async () => {
    const created = await h.call(
      admin,
      'POST',
      '/api/models',
      body({ params: { temperature: 0.3 }, baseUrl: `${ai.baseURL}/` }),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      baseUrl: ai.baseURL,
      model: 'tiny-1',
      hasApiKey: true,
      params: { temperature: 0.3 },
      concurrency: 4,
      requestsPerMinute: null,
      timeoutMs: 60000,
      allowPrivateNetwork: true,
    });
    expect(created.body).not.toHaveProperty('apiKey');
    const id = created.body.id;
    const row = await findConnection(h.verity.store.db, id);
    expect(unseal(h.verity.ctx.secret, row!.apiKeySealed!)).toBe(KEY);

    expect((await h.call(admin, 'GET', `/api/models/${id}`)).body).toEqual(created.body);
    const list = await h.call(admin, 'GET', '/api/models');
    expect(list.body.items.map((c: { id: number }) => c.id)).toContain(id);

    const changed = await h.call(admin, 'PATCH', `/api/models/${id}`, {
      concurrency: 8,
      requestsPerMinute: 600,
    });
    expect(changed.body).toMatchObject({ concurrency: 8, requestsPerMinute: 600, hasApiKey: true });
    const cleared = await h.call(admin, 'PATCH', `/api/models/${id}`, { apiKey: null });
    expect(cleared.body.hasApiKey).toBe(false);
    const replaced = await h.call(admin, 'PATCH', `/api/models/${id}`, { apiKey: 'sk-replaced' });
    expect(replaced.body.hasApiKey).toBe(true);
    expect(unseal(h.verity.ctx.secret, (await findConnection(h.verity.store.db, id))!.apiKeySealed!)).toBe(
      'sk-replaced',
    );

    expect((await h.call(admin, 'DELETE', `/api/models/${id}`)).status).toBe(204);
    expect((await h.call(admin, 'GET', `/api/models/${id}`)).body.error.code).toBe('NOT_FOUND');
  });

  it('tests a connection: ok with latency and model, or the error kind and its sentence', async () => {
    const good = (await h.call(admin, 'POST', '/api/models', body())).body;
    const ok = await h.call(admin, 'POST', `/api/models/${good.id}/test`);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ ok: true, model: 'tiny-1' });
    expect(ok.body.latencyMs).toBeGreaterThanOrEqual(0);
    expect(ok.body.reply).toMatch(/^Reply to: /);

    ai.script({ status: 500 });
    expect((await h.call(admin, 'POST', `/api/models/${good.id}/test`)).body).toMatchObject({
      ok: false,
      kind: 'server_error',
    });
    // A key change is used at once (the kept client is dropped).
    await h.call(admin, 'PATCH', `/api/models/${good.id}`, { apiKey: 'sk-wrong' });
    const wrong = await h.call(admin, 'POST', `/api/models/${good.id}/test`);
    expect(wrong.body).toEqual({
      ok: false,
      kind: 'unauthorized',
      message: `model connection "${good.name}": the endpoint refused the API key (HTTP 401)`,
    });
    await h.call(admin, 'PATCH', `/api/models/${good.id}`, { allowPrivateNetwork: false, apiKey: KEY });
    const blocked = await h.call(admin, 'POST', `/api/models/${good.id}/test`);
    expect(blocked.body).toMatchObject({ ok: false, kind: 'blocked_address' });
    expect((await h.call(admin, 'POST', '/api/models/999999/test')).status).toBe(404);
  });

  it('names the field of each invalid input', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ name: '' }, 'name'],
      [{ name: 'a\u202eb' }, 'name'],
      [{ baseUrl: 'ftp://example.org/v1' }, 'baseUrl'],
      [{ baseUrl: 'file:///etc/passwd' }, 'baseUrl'],
      [{ baseUrl: 'https://user:pass@example.org/v1' }, 'baseUrl'],
      [{ baseUrl: 'https://example.org/v1?key=x' }, 'baseUrl'],
      [{ baseUrl: 'not a url' }, 'baseUrl'],
      [{ model: '' }, 'model'],
      [{ apiKey: 'has space' }, 'apiKey'],
      [{ concurrency: 0 }, 'concurrency'],
      [{ concurrency: 257 }, 'concurrency'],
      [{ requestsPerMinute: 0 }, 'requestsPerMinute'],
      [{ timeoutMs: 10 }, 'timeoutMs'],
      [{ params: { temperature: 3 } }, 'params.temperature'],
      [{ params: { top_p: -0.1 } }, 'params.top_p'],
      [{ params: { max_tokens: 0 } }, 'params.max_tokens'],
      [{ params: { max_tokens: 10, max_completion_tokens: 10 } }, 'params.max_completion_tokens'],
      [{ params: { stop: ['a', 'b', 'c', 'd', 'e'] } }, 'params.stop'],
      [{ params: { tools: [] } }, 'params.tools'],
      [{ params: { frequency_penalty: 2.5 } }, 'params.frequency_penalty'],
    ];
    for (const [over, field] of cases) {
      const res = await h.call(admin, 'POST', '/api/models', body(over));
      expect(res.status, JSON.stringify(over)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(
        res.body.error.message.startsWith(`body.${field}:`),
        `${res.body.error.message} names ${field}`,
      ).toBe(true);
    }
    const first = (await h.call(admin, 'POST', '/api/models', body({ name: 'Taken name' }))).body;
    const dup = await h.call(admin, 'POST', '/api/models', body({ name: 'Taken name' }));
    expect([dup.status, dup.body.error.code]).toEqual([409, 'CONFLICT']);
    expect(dup.body.error.message).toContain('"Taken name" exists already');
    const other = (await h.call(admin, 'POST', '/api/models', body())).body;
    expect((await h.call(admin, 'PATCH', `/api/models/${other.id}`, { name: 'Taken name' })).status).toBe(
      409,
    );
    expect((await h.call(admin, 'PATCH', `/api/models/${first.id}`, { name: 'Taken name' })).status).toBe(
      200,
    );
  });

  it('refuses to remove a connection a queued or running job uses, and allows it once the job ended', async () => {
    const c = (await h.call(admin, 'POST', '/api/models', body())).body;
    const at = Date.now();
    const job = await h.verity.store.db
      .insertInto('jobs')
      .values({ kind: 'generate', status: 'running', lane: `model:${c.id}`, createdAt: at, updatedAt: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    const refused = await h.call(admin, 'DELETE', `/api/models/${c.id}`);
    expect([refused.status, refused.body.error.code]).toEqual([409, 'CONFLICT']);
    expect(refused.body.error.message).toBe(
      `The model connection "${c.name}" is used by a job queued or running; cancel it or let it end, then remove the connection.`,
    );
    await h.verity.store.db
      .updateTable('jobs')
      .set({ status: 'succeeded' })
      .where('id', '=', job.id)
      .execute();
    expect((await h.call(admin, 'DELETE', `/api/models/${c.id}`)).status).toBe(204);
  });

  it('is for admins only', async () => {
    const manager = await h.user('manager');
    expect((await h.call(manager, 'GET', '/api/models')).status).toBe(403);
    expect((await h.call(manager, 'POST', '/api/models', body())).status).toBe(403);
  });
});
