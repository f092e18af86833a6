import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTeam, next, saveDraft, submit } from '../testing/factories.ts';
import { type Harness, jsonl, startHarness } from '../testing/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

const json = (method: 'POST' | 'PUT', url: string, payload: string, token?: string) =>
  h.verity.app.inject({
    method,
    url,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    payload,
  });

/**
 * Starts a POST that announces `declared` bytes and sends them slowly, a chunk at a time; resolves
 * with the answer and how much had been sent when it came (the rest is never sent).
 */
async function answerWhileSending(
  url: string,
  declared: number,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: any; sentBytes: number }> {
  const server = await h.sibling();
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = server.app.server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    let sentBytes = 0;
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const req = http.request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: url,
      headers: { 'content-type': 'application/json', 'content-length': String(declared), ...headers },
    });
    const timer = setInterval(() => {
      if (sentBytes + chunk.length >= declared)
        return reject(new Error('the whole body was sent before any answer'));
      sentBytes += chunk.length;
      req.write(chunk);
    }, 5);
    req.on('response', (res) => {
      clearInterval(timer);
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body: JSON.parse(text), sentBytes });
      });
    });
    req.on('error', (err) => {
      clearInterval(timer);
      reject(err);
    });
  });
}

describe('request body limits', () => {
  it('refuses an anonymous 30 MB body to a signed-in route with 401 before reading it', async () => {
    const res = await answerWhileSending('/api/tokens', 30_000_000);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
    expect(res.sentBytes).toBeLessThan(2_000_000);
  });

  it('refuses a 30 MB body announced to the sign-in route at once, by its length', async () => {
    const res = await answerWhileSending('/api/auth/login', 30_000_000);
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: "The request body is over this route's limit of 8 KiB.",
      details: { limitBytes: 8192 },
    });
    expect(res.sentBytes).toBeLessThan(2_000_000);
  });

  it('limits sign-in to 8 KiB and other small routes to 64 KiB', async () => {
    const user = await h.user('annotator');
    const signIn = await json(
      'POST',
      '/api/auth/login',
      JSON.stringify({ email: user.email, password: 'x'.repeat(9000) }),
    );
    expect(signIn.statusCode).toBe(413);
    const token = await json('POST', '/api/tokens', JSON.stringify({ name: 'x'.repeat(70_000) }), user.token);
    expect(token.statusCode).toBe(413);
    expect(token.json().error.message).toBe("The request body is over this route's limit of 64 KiB.");
  });

  it('takes a draft and a submit of a 100,000-character answer in four-byte characters (400 KB)', async () => {
    const team = await buildTeam(h, { items: 1, annotators: 1 });
    const annotator = team.annotators[0]!;
    const work = await next(h, annotator, team.projectId);
    const answers = { topic: 'algebra', comment: '😀'.repeat(100_000) };
    expect(Buffer.byteLength(JSON.stringify(answers))).toBeGreaterThan(400_000);
    const draft = await saveDraft(h, annotator, work.body.assignment.id, answers);
    expect(draft.status, JSON.stringify(draft.body).slice(0, 200)).toBe(200);
    expect((await submit(h, annotator, work.body.assignment.id, answers)).status).toBe(200);
  });

  it('still streams an import far larger than any JSON limit', async () => {
    const team = await buildTeam(h, { items: 0, annotators: 0 });
    const rows = Array.from({ length: 2000 }, (_, i) => ({
      data: { text: `item ${i} ${'x'.repeat(1000)}`, source: 'limits' },
    }));
    const res = await h.verity.app.inject({
      method: 'POST',
      url: `/api/projects/${team.projectId}/items`,
      headers: { authorization: `Bearer ${team.manager.token}`, 'content-type': 'application/x-ndjson' },
      payload: jsonl(rows),
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
    expect(res.json().imported).toBe(2000);
  });
});

describe('JSON nesting', () => {
  const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

  it('refuses a body nested deeper than 64 levels with BAD_REQUEST, saying where', async () => {
    const team = await buildTeam(h, { items: 1, annotators: 1 });
    const annotator = team.annotators[0]!;
    const work = await next(h, annotator, team.projectId);
    const res = await json(
      'PUT',
      `/api/assignments/${work.body.assignment.id}/draft`,
      `{"answers":{"topic":"algebra","comment":${nested(100_000)}}}`,
      annotator.token,
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'The body nests arrays and objects deeper than 64 levels (at character 103).',
    });
  });

  it('lets 64 levels through to validation, which names the field', async () => {
    const user = await h.user('annotator');
    const res = await json('POST', '/api/tokens', `{"name":${nested(63)}}`, user.token);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.details[0].path).toBe('body.name');
  });
});
