import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Harness, startHarness } from '../testing/harness.ts';
import { closedPortUrl } from '../testing/loopback.ts';
import { type OpenAiServer, startOpenAiServer } from '../testing/openai-server.ts';
import { type ConnectionFields, insertConnection, updateConnection } from './connections.repository.ts';
import { type Completion, ModelCallError } from './model-call.ts';
import { seal } from './seal.ts';

const KEY = 'sk-client-test-4f1d9a7c';
let h: Harness;
let ai: OpenAiServer;
let admin: { id: number };

beforeAll(async () => {
  h = await startHarness();
  ai = await startOpenAiServer({ apiKey: KEY, models: ['tiny-1'] });
  admin = await h.user('admin');
});
afterAll(async () => {
  await h?.close();
  await ai?.close();
});
beforeEach(() => ai.reset());

let serial = 0;
async function connection(over: Partial<ConnectionFields> & { apiKey?: string | null } = {}) {
  serial += 1;
  const { apiKey = KEY, ...rest } = over;
  const row = await insertConnection(h.verity.store.db, {
    name: `conn-${serial}`,
    baseUrl: ai.baseURL,
    model: 'tiny-1',
    apiKeySealed: apiKey === null ? null : seal(h.verity.ctx.secret, apiKey),
    params: {},
    concurrency: 4,
    requestsPerMinute: null,
    timeoutMs: 10_000,
    allowPrivateNetwork: true,
    createdBy: admin.id,
    ...rest,
  });
  return row;
}

const ask = (text: string) => ({ messages: [{ role: 'user' as const, content: text }] });

async function failure(p: Promise<unknown>): Promise<ModelCallError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(ModelCallError);
    expect((err as Error).message).not.toContain(KEY);
    return err as ModelCallError;
  }
  throw new Error('the call did not fail');
}

describe('model client against the loopback server', () => {
  it('completes with the model, the parameters sent, token counts and latency', async () => {
    const c = await connection({ params: { temperature: 0.2, max_tokens: 50 } });
    const model = await h.verity.ctx.models.open(c.id);
    expect(model.connection).toMatchObject({ id: c.id, name: c.name, model: 'tiny-1' });
    expect(JSON.stringify(model.connection)).not.toContain('sk-');
    const done = await model.complete({ ...ask('Say hello'), params: { temperature: 0.9, seed: 7 } });
    expect(done.content).toMatch(/^Reply to: Say hello \(#[0-9a-f]{8}\)$/);
    expect(done).toMatchObject({
      model: 'tiny-1',
      finishReason: 'stop',
      promptTokens: 2,
      completionTokens: 5,
    });
    expect(done.params).toEqual({ temperature: 0.9, max_tokens: 50, seed: 7 });
    expect(done.latencyMs).toBeGreaterThanOrEqual(0);
    expect(ai.requests).toHaveLength(1);
    expect(ai.requests[0]!.body).toMatchObject({
      model: 'tiny-1',
      temperature: 0.9,
      max_tokens: 50,
      seed: 7,
    });
    expect(ai.countFor('Say hello')).toBe(1);
    // The same request, the same reply; another seed, another.
    expect(
      (await model.complete({ ...ask('Say hello'), params: { temperature: 0.9, seed: 7 } })).content,
    ).toBe(done.content);
    expect((await model.complete({ ...ask('Say hello'), params: { seed: 8 } })).content).not.toBe(
      done.content,
    );
  });

  it('streams text deltas and settles with the whole reply and its usage', async () => {
    const c = await connection();
    const model = await h.verity.ctx.models.open(c.id);
    const stream = model.stream(ask('Tell me a story'));
    const deltas: string[] = [];
    for await (const d of stream) deltas.push(d);
    const done = await stream.completion;
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.join('')).toBe(done.content);
    expect(done.content).toMatch(/^Reply to: Tell me a story/);
    expect(done.promptTokens).toBe(4);
    expect(done.completionTokens).toBe(7);
    expect(done.finishReason).toBe('stop');
    expect(ai.requests[0]!.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    // Nobody iterating: the completion settles all the same.
    expect((await model.stream(ask('again')).completion).content).toMatch(/^Reply to: again/);
  });

  it('maps 429 with Retry-After to rate_limited with the wait', async () => {
    const model = await h.verity.ctx.models.open((await connection()).id);
    ai.script({ status: 429, retryAfter: 3 }, { status: 429, retryAfterMs: 1500 }, { status: 429 });
    const a = await failure(model.complete(ask('x')));
    expect(a).toMatchObject({ kind: 'rate_limited', status: 429, retryAfterMs: 3000, retryable: true });
    expect(a.message).toMatch(/model connection "conn-\d+".*rate limiting \(HTTP 429; it asks to wait 3 s\)/);
    expect(await failure(model.complete(ask('x')))).toMatchObject({
      kind: 'rate_limited',
      retryAfterMs: 1500,
    });
    expect(await failure(model.complete(ask('x')))).toMatchObject({
      kind: 'rate_limited',
      retryAfterMs: undefined,
    });
  });

  it('maps 500 and 503 to server_error, and a fault matched by prompt only to that prompt', async () => {
    const model = await h.verity.ctx.models.open((await connection()).id);
    ai.script({ status: 500 });
    expect(await failure(model.complete(ask('x')))).toMatchObject({ kind: 'server_error', status: 500 });
    ai.scriptWhen('poison', { status: 503 });
    expect((await model.complete(ask('fine'))).content).toMatch(/^Reply to: fine/);
    const e = await failure(model.complete(ask('a poison pill')));
    expect(e).toMatchObject({ kind: 'server_error', status: 503, retryable: true });
    expect(e.message).toContain('the endpoint failed (HTTP 503)');
  });

  it('times out on an endpoint that never answers', async () => {
    const model = await h.verity.ctx.models.open((await connection({ timeoutMs: 300 })).id);
    ai.script({ hang: true });
    const e = await failure(model.complete(ask('x')));
    expect(e.kind).toBe('timeout');
    expect(e.message).toMatch(/no answer from http:\/\/127\.0\.0\.1:\d+\/v1 within 300 ms/);
    ai.script({ hang: true });
    expect((await failure(model.stream(ask('x')).completion)).kind).toBe('timeout');
  });

  it('calls a 200 that is not JSON, or has no choices, a malformed reply', async () => {
    const model = await h.verity.ctx.models.open((await connection()).id);
    ai.script({ malformed: true });
    expect((await failure(model.complete(ask('x')))).kind).toBe('malformed_reply');
    ai.script({ malformed: true });
    const stream = model.stream(ask('x'));
    expect((await failure(stream.completion)).kind).toBe('malformed_reply');
    await expect(
      (async () => {
        for await (const _ of stream) {
          /* drain */
        }
      })(),
    ).rejects.toThrow(ModelCallError);
  });

  it('calls a stream cut short unreachable (retryable), not a reply', async () => {
    const model = await h.verity.ctx.models.open((await connection()).id);
    ai.script({ cutAfterChunks: 2 });
    const e = await failure(model.stream(ask('one two three four five')).completion);
    expect(['unreachable', 'malformed_reply']).toContain(e.kind);
    expect(e.retryable).toBe(true);
  });

  it('maps a wrong key to unauthorized and an unknown model to model_not_found', async () => {
    const wrong = await h.verity.ctx.models.open((await connection({ apiKey: 'sk-wrong-key-0000' })).id);
    const e = await failure(wrong.complete(ask('x')));
    expect(e).toMatchObject({ kind: 'unauthorized', status: 401, retryable: false });
    expect(e.message).toContain('the endpoint refused the API key (HTTP 401)');
    expect(e.message).not.toContain('sk-wrong-key-0000');
    const none = await h.verity.ctx.models.open((await connection({ apiKey: null })).id);
    expect((await failure(none.complete(ask('x')))).kind).toBe('unauthorized');
    expect(ai.requests.at(-1)!.hasAuthorization).toBe(false);
    expect(ai.requests[0]!.hasAuthorization).toBe(true);
    const missing = await h.verity.ctx.models.open((await connection({ model: 'no-such-model' })).id);
    const m = await failure(missing.complete(ask('x')));
    expect(m).toMatchObject({ kind: 'model_not_found', status: 404, retryable: false });
    expect(m.message).toMatch(/model "no-such-model" does not exist at http:\/\/127\.0\.0\.1:\d+\/v1/);
  });

  it('calls a closed port unreachable', async () => {
    const closed = await closedPortUrl();
    const model = await h.verity.ctx.models.open((await connection({ baseUrl: `${closed.url}/v1` })).id);
    const e = await failure(model.complete(ask('x')));
    expect(e.kind).toBe('unreachable');
    expect(e.message).toContain('the connection was refused');
  });

  it('refuses private and loopback addresses unless the connection allows them', async () => {
    const port = new URL(ai.url).port;
    for (const baseUrl of [
      ai.baseURL,
      `http://localhost:${port}/v1`,
      `http://[::ffff:127.0.0.1]:${port}/v1`,
    ]) {
      const model = await h.verity.ctx.models.open(
        (await connection({ baseUrl, allowPrivateNetwork: false })).id,
      );
      const e = await failure(model.complete(ask('x')));
      expect(e.kind).toBe('blocked_address');
      expect(e.message).toMatch(/loopback address; an admin may allow private network addresses/);
      expect((await failure(model.stream(ask('x')).completion)).kind).toBe('blocked_address');
    }
    expect(ai.requestCount).toBe(0);
  });

  it('keeps at most `concurrency` calls at once against the endpoint', async () => {
    const model = await h.verity.ctx.models.open((await connection({ concurrency: 3 })).id);
    ai.script(...Array.from({ length: 12 }, () => ({ delayMs: 40 })));
    const all = await Promise.all(Array.from({ length: 12 }, (_, i) => model.complete(ask(`p${i}`))));
    expect(all).toHaveLength(12);
    expect(ai.peakInFlight).toBe(3);
  });

  it('asks for structured output and refuses a reply that is not a JSON object', async () => {
    const model = await h.verity.ctx.models.open((await connection()).id);
    const schema = { type: 'object', properties: { choice: { enum: ['a', 'b'] } }, required: ['choice'] };
    const done: Completion = await model.complete({ ...ask('pick'), jsonSchema: { name: 'answer', schema } });
    expect(JSON.parse(done.content)).toEqual({ choice: 'a' });
    expect(ai.requests[0]!.body.response_format).toEqual({
      type: 'json_schema',
      json_schema: { name: 'answer', schema, strict: true },
    });
    ai.script({ content: 'I think a.' });
    const e = await failure(model.complete({ ...ask('pick'), jsonSchema: { name: 'answer', schema } }));
    expect(e).toMatchObject({ kind: 'schema_mismatch', retryable: true });
    ai.reply = () => '```json\n{"choice": "b"}\n```';
    try {
      expect((await model.complete({ ...ask('pick'), jsonSchema: { name: 'answer', schema } })).content).toBe(
        '{"choice": "b"}',
      );
    } finally {
      ai.reply = null;
    }
  });

  it('rebuilds the handle when the connection changes, and refuses a key sealed under another secret', async () => {
    const c = await connection({ apiKey: 'sk-old-wrong' });
    const first = await h.verity.ctx.models.open(c.id);
    expect(await h.verity.ctx.models.open(c.id)).toBe(first);
    await updateConnection(h.verity.store.db, c.id, { apiKeySealed: seal(h.verity.ctx.secret, KEY) });
    const second = await h.verity.ctx.models.open(c.id);
    expect(second).not.toBe(first);
    expect((await second.complete(ask('x'))).content).toMatch(/^Reply to: x/);
    await updateConnection(h.verity.store.db, c.id, {
      apiKeySealed: seal('another-secret-of-32-characters-at-least', KEY),
    });
    const e = await failure(h.verity.ctx.models.open(c.id));
    expect(e.kind).toBe('unauthorized');
    expect(e.message).toMatch(/cannot be decrypted.*secret changed/);
    await expect(h.verity.ctx.models.open(999_999)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it("gives up waiting when the caller aborts, with the caller's reason", async () => {
    const model = await h.verity.ctx.models.open((await connection({ concurrency: 1 })).id);
    ai.script({ delayMs: 200 });
    const busy = model.complete(ask('slow'));
    const ctl = new AbortController();
    const waiting = model.complete({ ...ask('queued'), signal: ctl.signal });
    ctl.abort(new Error('left'));
    await expect(waiting).rejects.toThrow('left');
    await busy;
    expect(ai.countFor('queued')).toBe(0);
  });

  it('cancels the call when the reader leaves a stream, and frees the slot', async () => {
    const slow = await startOpenAiServer({ apiKey: KEY, models: ['tiny-1'], chunkDelayMs: 30 });
    try {
      const model = await h.verity.ctx.models.open(
        (await connection({ baseUrl: slow.baseURL, concurrency: 1 })).id,
      );
      const stream = model.stream(ask('a long story of many words to stream slowly'));
      for await (const delta of stream) {
        expect(delta).toBe('Reply');
        break;
      }
      await expect(stream.completion).rejects.toThrow('the reader left the stream');
      await vi.waitFor(() => expect(slow.inFlight).toBe(0));
      // The one slot is free again.
      expect((await model.complete(ask('next'))).content).toMatch(/^Reply to: next/);
      // The caller's own signal ends a stream midway with its reason.
      const ctl = new AbortController();
      const second = model.stream({ ...ask('another long story to stream'), signal: ctl.signal });
      const seen: string[] = [];
      await expect(
        (async () => {
          for await (const d of second) {
            seen.push(d);
            if (seen.length === 2) ctl.abort(new Error('tutor left'));
          }
        })(),
      ).rejects.toThrow('tutor left');
      expect(seen.length).toBeLessThan(6);
    } finally {
      await slow.close();
    }
  });
});
