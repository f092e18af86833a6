import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type OpenAiServer, sampleOf, startOpenAiServer } from './openai-server.ts';

/** The loopback server's own contract, spoken to in plain HTTP (the client's tests use the `openai` package). */
let ai: OpenAiServer;
beforeAll(async () => {
  ai = await startOpenAiServer({ apiKey: 'k-1', models: ['m-1', 'm-2'] });
});
afterAll(() => ai?.close());
beforeEach(() => ai.reset());

const post = (body: unknown, key = 'k-1') =>
  fetch(`${ai.baseURL}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify(body),
  });
const chat = (content: string, more: Record<string, unknown> = {}) => ({
  model: 'm-1',
  messages: [
    { role: 'system', content: 'be brief' },
    { role: 'user', content },
  ],
  ...more,
});

describe('the loopback OpenAI-compatible server', () => {
  it('answers a chat completion as OpenAI does, deterministically', async () => {
    const res = await post(chat('hello there'));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      object: 'chat.completion',
      model: 'm-1',
      choices: [{ index: 0, message: { role: 'assistant' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 4, completion_tokens: 5, total_tokens: 9 },
    });
    const again = await (await post(chat('hello there'))).json();
    expect(again.choices[0].message.content).toBe(body.choices[0].message.content);
    expect(ai.countFor('hello there')).toBe(2);
    expect(ai.requests[0]!.prompt).toBe('hello there');
  });

  it('cuts a reply at max_tokens and says so', async () => {
    const body = await (await post(chat('a b c d e', { max_tokens: 3 }))).json();
    expect(body.choices[0]).toMatchObject({ message: { content: 'Reply to: a' }, finish_reason: 'length' });
    expect(body.usage.completion_tokens).toBe(3);
  });

  it('streams chunks ending in [DONE], with usage when asked', async () => {
    const res = await post(chat('stream me', { stream: true, stream_options: { include_usage: true } }));
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const events = (await res.text()).split('\n\n').filter(Boolean);
    expect(events.at(-1)).toBe('data: [DONE]');
    const chunks = events.slice(0, -1).map((e) => JSON.parse(e.replace(/^data: /, '')));
    const text = chunks.map((c) => c.choices[0]?.delta?.content ?? '').join('');
    expect(text).toMatch(/^Reply to: stream me \(#[0-9a-f]{8}\)$/);
    expect(chunks.at(-2).choices[0].finish_reason).toBe('stop');
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { prompt_tokens: 4 } });
  });

  it('refuses a wrong key with 401 and an unknown model with 404, in OpenAI error bodies', async () => {
    const bad = await post(chat('x'), 'nope');
    expect(bad.status).toBe(401);
    const badBody = await bad.json();
    expect(badBody.error).toMatchObject({ code: 'invalid_api_key', type: 'invalid_request_error' });
    expect(JSON.stringify(badBody)).not.toContain('nope');
    const missing = await post({ ...chat('x'), model: 'm-9' });
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('model_not_found');
    const models = await fetch(`${ai.baseURL}/models`, { headers: { authorization: 'Bearer k-1' } });
    expect((await models.json()).data.map((m: { id: string }) => m.id)).toEqual(['m-1', 'm-2']);
    expect((await fetch(`${ai.baseURL}/models`)).status).toBe(401);
  });

  it('plays scripted outcomes in order, and matched ones only for their prompt', async () => {
    ai.script({ status: 429, retryAfter: 2 }, { status: 500 }, { malformed: true }, { content: 'fixed' });
    ai.scriptWhen('special', { status: 503 });
    const r429 = await post(chat('x'));
    expect([r429.status, r429.headers.get('retry-after')]).toEqual([429, '2']);
    expect((await post(chat('the special one'))).status).toBe(503);
    expect((await post(chat('x'))).status).toBe(500);
    const broken = await post(chat('x'));
    expect(broken.status).toBe(200);
    await expect(broken.clone().json()).rejects.toThrow();
    expect((await (await post(chat('x'))).json()).choices[0].message.content).toBe('fixed');
    expect(ai.pending).toBe(0);
    expect((await post(chat('the special one'))).status).toBe(200);
  });

  it('uses the reply hook, and answers JSON that fits a json_schema format', async () => {
    ai.reply = (r) => `hook: ${r.prompt.toUpperCase()}`;
    try {
      expect((await (await post(chat('abc'))).json()).choices[0].message.content).toBe('hook: ABC');
    } finally {
      ai.reply = null;
    }
    const schema = {
      type: 'object',
      properties: {
        best: { enum: ['A', 'B'] },
        score: { type: 'integer', minimum: 1 },
        why: { type: 'string' },
      },
    };
    const res = await post(
      chat('judge', {
        response_format: { type: 'json_schema', json_schema: { name: 'j', schema, strict: true } },
      }),
    );
    expect(JSON.parse((await res.json()).choices[0].message.content)).toEqual({
      best: 'A',
      score: 1,
      why: 'x',
    });
    expect(ai.requests.at(-1)!.jsonSchema).toMatchObject({ name: 'j', strict: true });
    expect(sampleOf({ type: 'array', items: { type: 'boolean' }, minItems: 2 })).toEqual([true, true]);
  });

  it('counts requests in flight and never answers a hung one', async () => {
    ai.scriptWhen('hang', { hang: true });
    const ctl = new AbortController();
    const hung = fetch(`${ai.baseURL}/chat/completions`, {
      method: 'POST',
      headers: { authorization: 'Bearer k-1' },
      body: JSON.stringify(chat('hang')),
      signal: ctl.signal,
    }).then(
      () => 'answered',
      () => 'gave up',
    );
    await vi.waitFor(() => expect(ai.inFlight).toBe(1));
    expect((await post(chat('s'))).status).toBe(200);
    expect(ai.peakInFlight).toBe(2);
    ctl.abort();
    expect(await hung).toBe('gave up');
    await vi.waitFor(() => expect(ai.inFlight).toBe(0));
  });

  it('keeps no request log in fast mode, only counts', async () => {
    const fast = await startOpenAiServer({ fast: true, apiKey: null });
    try {
      const res = await fetch(`${fast.baseURL}/chat/completions`, {
        method: 'POST',
        body: JSON.stringify({ model: 'test-model', messages: [{ role: 'user', content: 'q' }] }),
      });
      expect(res.status).toBe(200);
      expect(fast.requests).toHaveLength(0);
      expect([fast.requestCount, fast.countFor('q')]).toEqual([1, 1]);
    } finally {
      await fast.close();
    }
  });
});
