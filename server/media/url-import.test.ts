import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Verity } from '../server.ts';
import { type Harness, injectApi, jsonl, startHarness, type TestUser } from '../testing/harness.ts';
import { audioInterface, LYING_FILES, wavTone } from '../testing/media-fixtures.ts';
import { defaultMediaConfig, type UrlPolicy } from './media-config.ts';

/** Not Verity: a media server on loopback, with redirects to places a fetch must not go. */
async function startMediaServer(): Promise<{ app: FastifyInstance; port: number; hits: string[] }> {
  const hits: string[] = [];
  const app = Fastify();
  app.addHook('onRequest', async (req) => void hits.push(req.url));
  app.get('/clip.wav', (_req, reply) => reply.type('audio/wav').send(wavTone({ hz: 330 })));
  app.get('/page.wav', (_req, reply) => reply.type('audio/wav').send(LYING_FILES.html));
  app.get('/big.wav', (_req, reply) => reply.type('audio/wav').send(wavTone({ seconds: 1 })));
  app.get('/missing.wav', (_req, reply) => reply.code(404).send('no'));
  app.get('/slow.wav', async () => new Promise(() => {}));
  app.get('/to', (req, reply) => reply.redirect((req.query as { url: string }).url, 302));
  await app.listen({ port: 0, host: 'localhost' });
  return { app, port: (app.server.address() as AddressInfo).port, hits };
}

describe('media import by URL', () => {
  let h: Harness;
  let media: Awaited<ReturnType<typeof startMediaServer>>;
  let admin: TestUser;
  let projectId: number;
  const policy = (p: Partial<UrlPolicy>) => ({
    ...defaultMediaConfig(),
    url: { ...defaultMediaConfig().url, ...p },
  });
  /** This server's API with another media policy, on the same store. */
  const withPolicy = async (p: Partial<UrlPolicy>, maxBytes?: number) => {
    const sibling: Verity = await h.sibling({ media: { ...policy(p), ...(maxBytes ? { maxBytes } : {}) } });
    return injectApi(sibling);
  };
  const at = (host: string, path: string) => `http://${host}:${media.port}${path}`;

  beforeAll(async () => {
    media = await startMediaServer();
    // The loopback media server is reached as `localhost`, which the admin trusts here; every other
    // name and address is guarded as in production.
    h = await startHarness({ media: policy({ privateHosts: ['localhost'] }) });
    admin = await h.user('admin');
    projectId = (await h.call(admin, 'POST', '/api/projects', { name: 'URLs', interface: audioInterface }))
      .body.id;
  });
  afterAll(async () => {
    await h?.close();
    await media?.app.close();
  });

  const fetchUrl = (api: Pick<Harness, 'call'>, url: string) =>
    api.call(admin, 'POST', `/api/projects/${projectId}/media/url`, { url });

  it('fetches an allowed URL on the server and stores it by its bytes', async () => {
    const res = await fetchUrl(h, at('localhost', '/clip.wav'));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      contentType: 'audio/wav',
      sourceUrl: at('localhost', '/clip.wav'),
      created: true,
    });
    const entry = await h.verity.store.db
      .selectFrom('auditLog')
      .select(['action', 'after'])
      .where('targetId', '=', String(res.body.id))
      .where('targetType', '=', 'media')
      .executeTakeFirstOrThrow();
    expect(entry.action).toBe('media.fetch');
    expect(JSON.parse(entry.after!)).toMatchObject({
      sourceUrl: at('localhost', '/clip.wav'),
      contentType: 'audio/wav',
    });
  });

  it('refuses a redirect to 127.0.0.1 before connecting to it', async () => {
    const before = media.hits.length;
    const res = await fetchUrl(
      h,
      at('localhost', `/to?url=${encodeURIComponent(at('127.0.0.1', '/clip.wav'))}`),
    );
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('MEDIA_FETCH_FAILED');
    expect(res.body.error.message).toMatch(/127\.0\.0\.1 is a loopback address/);
    expect(media.hits.slice(before)).toEqual([expect.stringMatching(/^\/to\?/)]);
  });

  it('refuses a name that resolves to a private address, and a private address written out', async () => {
    const guarded = await withPolicy({});
    const before = media.hits.length;
    const byName = await fetchUrl(guarded, at('localhost', '/clip.wav'));
    expect(byName.status).toBe(422);
    expect(byName.body.error.message).toMatch(/localhost resolves to (127\.0\.0\.1|::1), a loopback address/);
    for (const host of ['127.0.0.1', '[::1]', '[::ffff:127.0.0.1]', '169.254.169.254', '10.0.0.1']) {
      const res = await fetchUrl(guarded, at(host, '/clip.wav'));
      expect(res.body.error.code, host).toBe('MEDIA_FETCH_FAILED');
    }
    expect(media.hits.length).toBe(before);
  });

  it('fetches only http(s) URLs without credentials, also after a redirect', async () => {
    for (const url of ['file:///etc/passwd', 'ftp://example.org/a.wav', 'data:audio/wav;base64,UklGRg==']) {
      const res = await fetchUrl(h, url);
      expect(res.body.error.message, url).toMatch(/only http and https URLs are fetched/);
    }
    const creds = await fetchUrl(h, `http://user:secret@localhost:${media.port}/clip.wav`);
    expect(creds.body.error.message).toMatch(/user name or password is not accepted/);
    expect(JSON.stringify(creds.body)).not.toContain('secret');
    const toFile = await fetchUrl(h, at('localhost', `/to?url=${encodeURIComponent('file:///etc/passwd')}`));
    expect(toFile.body.error.message).toMatch(/only http and https URLs are fetched, not file/);
  });

  it('keeps to the admin allow-list of hosts', async () => {
    const listed = await withPolicy({ allowedHosts: ['media.example.org'], privateHosts: ['localhost'] });
    const res = await fetchUrl(listed, at('localhost', '/clip.wav'));
    expect(res.body.error.message).toMatch(/localhost is not on the server's list of media hosts/);
    const ok = await withPolicy({ allowedHosts: ['localhost'], privateHosts: ['localhost'] });
    expect((await fetchUrl(ok, at('localhost', '/clip.wav'))).status).toBe(201);
  });

  it('enforces the size and time limits and refuses what its server will not give', async () => {
    const small = await withPolicy({ privateHosts: ['localhost'] }, 1000);
    const big = await fetchUrl(small, at('localhost', '/big.wav'));
    expect(big.status).toBe(413);
    const slow = await withPolicy({ privateHosts: ['localhost'], timeoutMs: 300 });
    const late = await fetchUrl(slow, at('localhost', '/slow.wav'));
    expect(late.body.error.message).toMatch(/did not arrive within 0.3 s/);
    const missing = await fetchUrl(h, at('localhost', '/missing.wav'));
    expect(missing.body.error.message).toMatch(/its server answered 404/);
    const page = await fetchUrl(h, at('localhost', '/page.wav'));
    expect(page.status).toBe(415);
  });

  it('fetches the URLs of an import once and stores their references; a refused one names line and field', async () => {
    const url = at('localhost', '/clip.wav');
    const send = (rows: unknown[]) =>
      h.verity.app.inject({
        method: 'POST',
        url: `/api/projects/${projectId}/items`,
        headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/x-ndjson' },
        payload: jsonl(rows),
      });
    const hits = media.hits.length;
    const ok = await send([{ data: { clip: url } }, { data: { clip: url } }]);
    expect(ok.statusCode, ok.body).toBe(201);
    // Fetched before (the first test), so found by its URL and not fetched again.
    expect(media.hits.length).toBe(hits);
    const items = await h.call(admin, 'GET', `/api/projects/${projectId}/items`);
    const stored = await h.call(admin, 'GET', `/api/items/${items.body.items[0].id}`);
    expect(stored.body.item.data.clip).toMatch(/^media:\d+$/);
    const bad = await send([{ data: { clip: url } }, { data: { clip: at('127.0.0.1', '/clip.wav') } }]);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details.errors).toEqual([
      {
        line: 2,
        message: expect.stringMatching(
          /^line 2: data\.clip: http:\/\/127\.0\.0\.1:\d+\/clip\.wav: 127\.0\.0\.1 is a loopback address/,
        ),
      },
    ]);
  });
});
