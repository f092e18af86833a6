import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { PEAK_LEVELS } from '../core/media/peaks-format.ts';
import { createToken } from '../server/auth/auth.service.ts';
import { hashPassword } from '../server/auth/crypto.ts';
import { toolPath } from '../server/media/binaries.ts';
import { createVerity } from '../server/server.ts';
import { injectApi } from '../server/testing/harness.ts';
import { insertUser } from '../server/users/users.repository.ts';
import { percentile, progress, type Report } from './report.ts';

/**
 * Waveform peaks of a long recording (docs/media.md, "Waveform peaks"), once per run on an
 * in-process server on SQLite with its job runner: a sine made by ffmpeg (lavfi), 16 kHz mono
 * 16-bit WAV, 3 hours (10 minutes with --smoke), uploaded over HTTP; then
 * - peaks.realtime_3h: the recording's duration over the peaks job's run (decode with ffmpeg +
 *   all levels + storing them), as × real time;
 * - peaks.tile_p50 / tile_p99: GET of random tiles over HTTP on loopback, one at a time.
 */
/** Writes the audio of an ffmpeg lavfi source (`sine=…`, `aevalsrc=…`) as 16-bit PCM WAV. */
export function writeLavfiWav(source: string, file: string): void {
  execFileSync(toolPath('ffmpeg'), [
    '-v',
    'error',
    '-nostdin',
    '-f',
    'lavfi',
    '-i',
    source,
    '-c:a',
    'pcm_s16le',
    '-y',
    file,
  ]);
}

export async function runPeaksBench(opts: { smoke: boolean; report: Report }): Promise<void> {
  const seconds = opts.smoke ? 600 : 10_800;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verity-bench-peaks-'));
  const verity = await createVerity({
    dataDir: dir,
    secret: randomBytes(32).toString('base64url'),
    runJobs: true,
  });
  try {
    const wav = path.join(dir, 'long.wav');
    progress(`peaks: generating ${seconds / 3600} h of 16 kHz mono audio with ffmpeg`);
    const lavfi = `sine=frequency=440:sample_rate=16000:duration=${seconds}`;
    writeLavfiWav(lavfi, wav);
    await verity.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (verity.app.server.address() as AddressInfo).port;
    const row = await insertUser(verity.store.db, {
      email: 'peaks@bench.example.org',
      name: 'Peaks',
      role: 'admin',
      passwordHash: await hashPassword('bench-password-peaks'),
    });
    const token = (await createToken(verity.ctx, row.id, 'bench')).token;
    const who = { id: row.id, email: 'peaks@bench.example.org', role: 'admin' as const, password: '', token };
    const { call } = injectApi(verity);
    const iface = {
      fields: [{ name: 'clip', type: 'audio' }],
      questions: [{ name: 'q', type: 'choice', options: ['a', 'b'] }],
    };
    const project = (await call(who, 'POST', '/api/projects', { name: 'peaks bench', interface: iface })).body
      .id;
    progress(`peaks: uploading ${(fs.statSync(wav).size / 1e6).toFixed(0)} MB`);
    const media = await upload(port, token, project, wav);
    const imported = await verity.app.inject({
      method: 'POST',
      url: `/api/projects/${project}/items`,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' },
      payload: `${JSON.stringify({ data: { clip: media.ref } })}\n`,
    });
    if (imported.statusCode !== 201) throw new Error(`import: ${imported.body}`);
    const job = await peaksJob(verity.store.db, 30 * 60_000);
    opts.report.add(
      `peaks.realtime_${opts.smoke ? '10min' : '3h'}`,
      seconds / ((job.finishedAt - job.startedAt) / 1000),
      'ratio',
    );
    const items = (await call(who, 'GET', `/api/projects/${project}/items`)).body.items as { id: number }[];
    const detail = (await call(who, 'GET', `/api/items/${items[0]!.id}`)).body;
    const levels = detail.media.clip.peaks.levels as { samplesPerPixel: number; tiles: number }[];
    const times: number[] = [];
    for (let i = 0; i < (opts.smoke ? 50 : 500); i += 1) {
      const level = levels[i % PEAK_LEVELS.length]!;
      const tile = Math.floor(Math.random() * level.tiles);
      const url = `http://127.0.0.1:${port}/api/items/${items[0]!.id}/media/clip/peaks?level=${level.samplesPerPixel}&tile=${tile}`;
      const start = performance.now();
      const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
      await res.arrayBuffer();
      times.push(performance.now() - start);
      if (res.status !== 200) throw new Error(`tile: ${res.status}`);
    }
    times.sort((a, b) => a - b);
    opts.report.add('peaks.tile_p50', percentile(times, 50), 'ms');
    opts.report.add('peaks.tile_p99', percentile(times, 99), 'ms');
  } finally {
    await verity.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Streams the file to the upload route over HTTP; its MediaInfo (also the browser bench's audio and video). */
export async function upload(
  port: number,
  token: string,
  project: number,
  file: string,
  as: { name: string; contentType: string } = { name: 'long.wav', contentType: 'audio/wav' },
): Promise<{ ref: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/projects/${project}/media?name=${encodeURIComponent(as.name)}`,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': as.contentType,
          'content-length': fs.statSync(file).size,
        },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => {
          text += c.toString();
        });
        res.on('end', () => (res.statusCode === 201 ? resolve(JSON.parse(text)) : reject(new Error(text))));
      },
    );
    req.on('error', reject);
    pipeline(fs.createReadStream(file), req).catch(reject);
  });
}

/** The peaks job once it has ended (it must succeed): its start and end in epoch ms. */
async function peaksJob(db: Awaited<ReturnType<typeof createVerity>>['store']['db'], ms: number) {
  const end = Date.now() + ms;
  for (;;) {
    const job = await db
      .selectFrom('jobs')
      .select(['status', 'startedAt', 'finishedAt', 'error'])
      .where('kind', '=', 'peaks')
      .executeTakeFirst();
    if (job && job.status !== 'queued' && job.status !== 'running') {
      if (job.status !== 'succeeded' || job.startedAt === null || job.finishedAt === null)
        throw new Error(`the peaks job ended ${job.status}: ${job.error}`);
      return { startedAt: job.startedAt, finishedAt: job.finishedAt };
    }
    if (Date.now() > end) throw new Error('the peaks job did not end in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
