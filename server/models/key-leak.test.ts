import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness, type TestUser } from '../testing/harness.ts';
import { closedPortUrl } from '../testing/loopback.ts';
import { type OpenAiServer, startOpenAiServer } from '../testing/openai-server.ts';
import { assertNowhere, collectLogs, findSecret } from '../testing/secret-search.ts';

/**
 * The API key never shows: every models route, the test route against a wrong key (401), a
 * failing and a broken endpoint, validation errors with the key in the body, all with the
 * server's logs at trace level. Every response body and every log line is searched for it.
 */
const KEY = `sk-leakcheck-${randomBytes(12).toString('hex')}`;
const OTHER = `sk-otherkey-${randomBytes(12).toString('hex')}`;
const logs = collectLogs('trace');
const seen: { where: string; text: unknown }[] = [];
let h: Harness;
let ai: OpenAiServer;
let admin: TestUser;

async function call(method: string, url: string, body?: unknown) {
  const res = await h.call(admin, method, url, body);
  seen.push({ where: `${method} ${url} → ${res.status}`, text: res.body });
  return res;
}

beforeAll(async () => {
  h = await startHarness({ logger: logs.logger });
  ai = await startOpenAiServer({ apiKey: KEY, models: ['tiny-1'] });
  admin = await h.user('admin');
});
afterAll(async () => {
  await h?.close();
  await ai?.close();
});

describe('the API key', () => {
  it('shows in no response and no log line, whatever happens', async () => {
    const created = await call('POST', '/api/models', {
      name: 'Leak check',
      baseUrl: ai.baseURL,
      model: 'tiny-1',
      apiKey: KEY,
      allowPrivateNetwork: true,
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    await call('GET', '/api/models');
    await call('GET', `/api/models/${id}`);
    expect((await call('POST', `/api/models/${id}/test`)).body.ok).toBe(true);
    for (const fault of [
      { status: 500 },
      { status: 429, retryAfter: 1 },
      { malformed: true },
      { status: 400 },
    ]) {
      ai.script(fault);
      expect((await call('POST', `/api/models/${id}/test`)).body.ok).toBe(false);
    }
    await call('PATCH', `/api/models/${id}`, { timeoutMs: 1000 });
    ai.script({ hang: true });
    expect((await call('POST', `/api/models/${id}/test`)).body.kind).toBe('timeout');

    // A wrong key: the endpoint answers 401; neither key shows.
    const wrong = await call('POST', '/api/models', {
      name: 'Wrong key',
      baseUrl: ai.baseURL,
      model: 'tiny-1',
      apiKey: OTHER,
      allowPrivateNetwork: true,
    });
    expect((await call('POST', `/api/models/${wrong.body.id}/test`)).body.kind).toBe('unauthorized');
    // The model missing, a closed port, a blocked address.
    await call('PATCH', `/api/models/${wrong.body.id}`, { apiKey: KEY, model: 'no-such' });
    expect((await call('POST', `/api/models/${wrong.body.id}/test`)).body.kind).toBe('model_not_found');
    const closed = await closedPortUrl();
    await call('PATCH', `/api/models/${wrong.body.id}`, { baseUrl: `${closed.url}/v1` });
    expect((await call('POST', `/api/models/${wrong.body.id}/test`)).body.kind).toBe('unreachable');
    await call('PATCH', `/api/models/${wrong.body.id}`, { allowPrivateNetwork: false });
    expect((await call('POST', `/api/models/${wrong.body.id}/test`)).body.kind).toBe('blocked_address');

    // Validation errors, each with a key in the body.
    for (const bad of [
      { name: '', baseUrl: ai.baseURL, model: 'm', apiKey: KEY },
      { name: 'x', baseUrl: `https://u:${KEY}@example.org/v1`, model: 'm', apiKey: KEY },
      { name: 'x', baseUrl: `https://example.org/v1?key=${KEY}`, model: 'm' },
      { name: 'x', baseUrl: ai.baseURL, model: 'm', apiKey: `${KEY} ${KEY}` },
      { name: 'x', baseUrl: ai.baseURL, model: 'm', apiKey: KEY.repeat(200) },
      { name: 'x', baseUrl: ai.baseURL, model: 'm', apiKey: 42 },
      { name: 'x', baseUrl: ai.baseURL, model: 'm', apiKey: KEY, params: { stop: KEY.repeat(10) } },
      { name: 'Leak check', baseUrl: ai.baseURL, model: 'm', apiKey: KEY },
    ])
      expect((await call('POST', '/api/models', bad)).status).toBeGreaterThanOrEqual(400);
    expect((await call('PATCH', `/api/models/${id}`, { apiKey: `${KEY}\n` })).status).toBe(400);
    expect((await call('PATCH', `/api/models/${id}`, { apiKey: KEY, concurrency: 0 })).status).toBe(400);
    expect((await call('DELETE', `/api/models/${wrong.body.id}`)).status).toBe(204);
    expect((await call('DELETE', `/api/models/${id}`)).status).toBe(204);

    expect(ai.requestCount).toBeGreaterThan(5);
    expect(logs.lines.length).toBeGreaterThan(10);
    const texts = [...seen, ...logs.lines.map((text, i) => ({ where: `log line ${i + 1}`, text }))];
    assertNowhere(KEY, texts);
    assertNowhere(OTHER, texts);
  });

  it('would be found by the search in its disguises (the search can fail)', () => {
    const json = JSON.stringify({ a: KEY });
    expect(findSecret(KEY, { json })).toHaveLength(1);
    expect(findSecret(KEY, { masked: `key ${KEY.slice(0, 14)}…` })).toHaveLength(1);
    expect(findSecret(KEY, { b64: Buffer.from(KEY).toString('base64') })).toHaveLength(1);
    expect(findSecret(KEY, { url: encodeURIComponent(`?k=${KEY}`) })).toHaveLength(1);
    expect(() => assertNowhere(KEY, [{ where: 'log', text: `Bearer ${KEY}` }])).toThrow(/found in 1 place/);
    expect(findSecret(KEY, { other: 'nothing here', number: 42 })).toEqual([]);
  });
});
