import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, jsonl, startHarness, type TestUser } from '../testing/harness.ts';
import {
  audioInterface,
  LYING_FILES,
  PNG_PIXEL,
  uploaded,
  uploadMedia,
  wavTone,
} from '../testing/media-fixtures.ts';
import { startS3Server } from '../testing/s3-server.ts';
import { defaultMediaConfig, type MediaConfig } from './media-config.ts';

type Store = { name: string; config(): Promise<{ media: MediaConfig; close(): Promise<void> }> };
const stores: Store[] = [
  { name: 'local', config: async () => ({ media: defaultMediaConfig(), close: async () => {} }) },
  {
    name: 's3',
    config: async () => {
      const s3 = await startS3Server();
      return { media: { ...defaultMediaConfig(), store: { kind: 's3', s3: s3.settings } }, close: s3.close };
    },
  },
];

describe.each(stores)('media on the $name store', (store) => {
  let h: Harness;
  let closeStore: () => Promise<void>;
  let admin: TestUser;
  let annotator: TestUser;
  let stranger: TestUser;
  let projectId: number;
  const wav = wavTone({ seconds: 0.5 });

  beforeAll(async () => {
    const { media, close } = await store.config();
    closeStore = close;
    h = await startHarness({ media });
    admin = await h.user('admin');
    annotator = await h.user('annotator');
    stranger = await h.user('annotator');
    const p = await h.call(admin, 'POST', '/api/projects', { name: 'Recordings', interface: audioInterface });
    projectId = p.body.id;
    await h.call(admin, 'POST', `/api/projects/${projectId}/members`, {
      userId: annotator.id,
      role: 'annotator',
    });
    const other = await h.call(admin, 'POST', '/api/projects', {
      name: 'Elsewhere',
      interface: audioInterface,
    });
    await h.call(admin, 'POST', `/api/projects/${other.body.id}/members`, {
      userId: stranger.id,
      role: 'annotator',
    });
  });
  afterAll(async () => {
    await h?.close();
    await closeStore?.();
  });

  const importLines = (rows: unknown[], pid = projectId) =>
    h.verity.app.inject({
      method: 'POST',
      url: `/api/projects/${pid}/items`,
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/x-ndjson' },
      payload: jsonl(rows),
    });
  const get = (who: TestUser | null, url: string, range?: string) =>
    h.verity.app.inject({
      method: 'GET',
      url,
      headers: { ...(who ? { authorization: `Bearer ${who.token}` } : {}), ...(range ? { range } : {}) },
    });
  const mediaCount = async () =>
    Number(
      (
        await h.verity.store.db
          .selectFrom('media')
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  /** An item of the project whose clip is `bytes`, claimed by a new annotator; its media URL. */
  async function claimedClip(bytes: Buffer): Promise<{ url: string; itemId: number; who: TestUser }> {
    const ref = await uploaded(h, admin, projectId, bytes);
    expect((await importLines([{ data: { clip: ref }, priority: 100 }])).statusCode).toBe(201);
    const who = await h.user('annotator');
    await h.call(admin, 'POST', `/api/projects/${projectId}/members`, { userId: who.id, role: 'annotator' });
    const next = await h.call(who, 'POST', `/api/projects/${projectId}/assignments/next`);
    expect(next.body.item.data.clip).toBe(ref);
    const itemId: number = next.body.item.id;
    const detail = await h.call(who, 'GET', `/api/items/${itemId}`);
    return { url: detail.body.media.clip.url, itemId, who };
  }

  it('stores an upload by its bytes: the probed type, its sha256, once per project', async () => {
    const first = await uploadMedia(h, admin, projectId, wav, { name: 'a.wav', contentType: 'video/mp4' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      contentType: 'audio/wav',
      size: wav.length,
      sha256: createHash('sha256').update(wav).digest('hex'),
      originalName: 'a.wav',
      created: true,
      facts: { durationSeconds: null, probeError: null },
    });
    const again = await uploadMedia(h, admin, projectId, wav, { name: 'b.wav' });
    expect(again.body).toMatchObject({ id: first.body.id, created: false });
    const png = await uploadMedia(h, admin, projectId, PNG_PIXEL, { contentType: 'audio/wav' });
    expect(png.body.contentType).toBe('image/png');
    // Each new file is recorded once in the audit log (docs/audit.md); the repeat is not.
    const entries = await h.verity.store.db
      .selectFrom('auditLog')
      .select(['action', 'actorId', 'targetId', 'projectId', 'after'])
      .where('action', '=', 'media.upload')
      .where('targetId', 'in', [String(first.body.id), String(png.body.id)])
      .orderBy('id')
      .execute();
    expect(entries.map((e) => ({ ...e, after: JSON.parse(e.after!) }))).toEqual([
      {
        action: 'media.upload',
        actorId: admin.id,
        targetId: String(first.body.id),
        projectId,
        after: { sha256: first.body.sha256, size: wav.length, contentType: 'audio/wav', sourceUrl: null },
      },
      {
        action: 'media.upload',
        actorId: admin.id,
        targetId: String(png.body.id),
        projectId,
        after: { sha256: png.body.sha256, size: PNG_PIXEL.length, contentType: 'image/png', sourceUrl: null },
      },
    ]);
  });

  it('serves the whole file with the probed type and headers that never render it as a page', async () => {
    const { url, who } = await claimedClip(wavTone({ hz: 523 }));
    const res = await get(who, url);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(wavTone({ hz: 523 }))).toBe(true);
    expect(res.headers).toMatchObject({
      'content-type': 'audio/wav',
      'x-content-type-options': 'nosniff',
      'accept-ranges': 'bytes',
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'no-store',
    });
    expect(res.headers['content-disposition']).toMatch(/^inline; filename="media-\d+\.wav"$/);
  });

  it('answers Range requests: the first bytes, a suffix, open-ended; 416 past the end', async () => {
    const bytes = wavTone({ hz: 660, seconds: 1 });
    const { url, who: annotator } = await claimedClip(bytes);
    const size = bytes.length;
    const first = await get(annotator, url, 'bytes=0-99');
    expect(first.statusCode).toBe(206);
    expect(first.headers['content-range']).toBe(`bytes 0-99/${size}`);
    expect(first.headers['content-length']).toBe('100');
    expect(first.rawPayload.equals(bytes.subarray(0, 100))).toBe(true);
    const one = await get(annotator, url, 'bytes=0-0');
    expect(one.rawPayload.equals(bytes.subarray(0, 1))).toBe(true);
    const suffix = await get(annotator, url, 'bytes=-100');
    expect(suffix.statusCode).toBe(206);
    expect(suffix.headers['content-range']).toBe(`bytes ${size - 100}-${size - 1}/${size}`);
    expect(suffix.rawPayload.equals(bytes.subarray(size - 100))).toBe(true);
    const open = await get(annotator, url, 'bytes=1000-');
    expect(open.statusCode).toBe(206);
    expect(open.rawPayload.equals(bytes.subarray(1000))).toBe(true);
    for (const bad of [`bytes=${size}-`, 'bytes=500-100', 'bytes=abc', 'items=0-1']) {
      const res = await get(annotator, url, bad);
      expect(res.statusCode, bad).toBe(416);
      expect(res.headers['content-range']).toBe(`bytes */${size}`);
      expect(res.json().error.code).toBe('RANGE_NOT_SATISFIABLE');
    }
    const several = await get(annotator, url, 'bytes=0-9,20-29');
    expect(several.statusCode).toBe(200);
    expect(several.rawPayload.length).toBe(size);
  });

  it("serves media only to who may see the item: another project's annotator 404, anonymous 401", async () => {
    const { url, itemId, who: annotator } = await claimedClip(wavTone({ hz: 700 }));
    expect((await get(stranger, url)).statusCode).toBe(404);
    expect((await get(null, url)).statusCode).toBe(401);
    expect((await get(admin, url)).statusCode).toBe(200);
    const colleague = await h.user('annotator');
    await h.call(admin, 'POST', `/api/projects/${projectId}/members`, {
      userId: colleague.id,
      role: 'annotator',
    });
    expect((await get(colleague, url)).statusCode).toBe(404);
    expect((await get(annotator, `/api/items/${itemId}/media/nothing`)).statusCode).toBe(404);
    // A member whose account role is reviewer may review every item, so hears it and sees the item.
    const reviewer = await h.user('reviewer');
    await h.call(admin, 'POST', `/api/projects/${projectId}/members`, {
      userId: reviewer.id,
      role: 'annotator',
    });
    expect((await get(reviewer, url)).statusCode).toBe(200);
    const seen = await h.call(reviewer, 'GET', `/api/items/${itemId}`);
    expect(seen.body.media.clip.url).toBe(url);
    expect(seen.body.assignments.map((a: { userId: number }) => a.userId)).toContain(annotator.id);
  });

  it('refuses uploads that lie about their type, and stores nothing of them', async () => {
    const before = await mediaCount();
    for (const [kind, bytes] of Object.entries(LYING_FILES)) {
      const res = await uploadMedia(h, admin, projectId, bytes, {
        name: 'clip.wav',
        contentType: 'audio/wav',
      });
      expect(res.status, kind).toBe(415);
      expect(res.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(res.body.error.message).toMatch(kind === 'js' ? /look like text/ : /look like markup/);
    }
    expect(await mediaCount()).toBe(before);
    if (store.name === 'local') {
      const tmp = path.join(h.verity.ctx.tmpDir);
      expect(fs.existsSync(tmp) ? fs.readdirSync(tmp).filter((f) => f.startsWith('media-')) : []).toEqual([]);
    }
  });

  it('refuses a file over the size limit, by its declared length or as it streams', async () => {
    const small = await h.sibling({ media: { ...h.verity.ctx.media.config, maxBytes: 1000 } });
    const declared = await small.app.inject({
      method: 'POST',
      url: `/api/projects/${projectId}/media`,
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'audio/wav' },
      payload: wavTone({ seconds: 1 }),
    });
    expect(declared.statusCode).toBe(413);
    expect(declared.json().error.details.limitBytes).toBe(1000);
    // Chunked, with no length to judge by: refused once the count passes the limit.
    await small.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = small.app.server.address() as AddressInfo;
    const streamed = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: `/api/projects/${projectId}/media`,
          headers: {
            authorization: `Bearer ${admin.token}`,
            'content-type': 'audio/wav',
            'transfer-encoding': 'chunked',
          },
        },
        (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode!, body }));
        },
      );
      req.on('error', (err: NodeJS.ErrnoException) =>
        err.code === 'EPIPE' || err.code === 'ECONNRESET' ? undefined : reject(err),
      );
      const tone = wavTone({ seconds: 1 });
      for (let at = 0; at < tone.length; at += 500) req.write(tone.subarray(at, at + 500));
      req.end();
    });
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.body).error.code).toBe('PAYLOAD_TOO_LARGE');
    const fits = await small.app.inject({
      method: 'POST',
      url: `/api/projects/${projectId}/media`,
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'audio/wav' },
      payload: wavTone({ seconds: 0.05 }),
    });
    expect(fits.statusCode).toBe(201);
  });

  it('checks the references of an import: this project, a fitting kind; each error names line and field', async () => {
    const clip = await uploaded(h, admin, projectId, wavTone({ hz: 800 }));
    const image = await uploaded(h, admin, projectId, PNG_PIXEL);
    const other = await h.call(admin, 'POST', '/api/projects', { name: 'Other', interface: audioInterface });
    const foreign = await uploaded(h, admin, other.body.id, wavTone({ hz: 900 }));
    const res = await importLines([
      { data: { clip } },
      { data: { clip: foreign } },
      { data: { clip: image } },
      { data: { clip: 'clips/a.wav' } },
      { data: { clip: 'media:999999' } },
    ]);
    expect(res.statusCode).toBe(422);
    const errors = res.json().error.details.errors as { line: number; message: string }[];
    errors.sort((a, b) => a.line - b.line);
    expect(errors.map((e) => e.line)).toEqual([2, 3, 4, 5]);
    expect(errors[0]!.message).toBe(`line 2: data.clip: ${foreign} is not a media file of this project`);
    expect(errors[1]!.message).toMatch(/^line 3: data\.clip: media:\d+ is image\/png, not audio$/);
    expect(errors[2]!.message).toMatch(
      /^line 4: data\.clip: must be "media:<id>" or an http\(s\) URL, got a file path/,
    );
  });

  it('carries the served URL in the item answer and in export lines, with the media file', async () => {
    const { url, itemId } = await claimedClip(wavTone({ hz: 950 }));
    expect(url).toBe(`/api/items/${itemId}/media/clip`);
    const detail = await h.call(admin, 'GET', `/api/items/${itemId}`);
    expect(detail.body.media.clip).toMatchObject({
      url,
      contentType: 'audio/wav',
      facts: { durationSeconds: null },
    });
    const exported = await get(admin, `/api/projects/${projectId}/export`);
    const line = exported.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
      .find((l) => l.id === itemId);
    expect(line.media).toEqual({ clip: url });
    // This server runs no jobs: the file is known, its facts are not (server/media/export-facts.test.ts).
    expect(line.mediaFacts.clip).toMatchObject({
      mediaId: detail.body.media.clip.mediaId,
      contentType: 'audio/wav',
      size: detail.body.media.clip.size,
      durationSeconds: null,
      probeError: null,
    });
  });
});
