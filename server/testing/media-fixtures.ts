import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { toolPath } from '../media/binaries.ts';
import type { Api } from './factories.ts';
import type { TestUser } from './harness.ts';

/**
 * A WAV file made in code: a 16-bit mono PCM sine tone (`seconds` long at `sampleRate`), so media
 * tests need no committed files.
 */
export function wavTone(
  opts: { seconds?: number; sampleRate?: number; hz?: number; amplitude?: number } = {},
): Buffer {
  const sampleRate = opts.sampleRate ?? 8000;
  const samples = Math.round((opts.seconds ?? 0.25) * sampleRate);
  const peak = (opts.amplitude ?? 12000 / 32767) * 32767;
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i += 1)
    data.writeInt16LE(Math.round(Math.sin((2 * Math.PI * (opts.hz ?? 440) * i) / sampleRate) * peak), i * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/**
 * A file made by the ffmpeg the server uses (server/media/binaries.ts) from its lavfi sources,
 * e.g. a test pattern video: `['-f', 'lavfi', '-i', 'testsrc=size=64x48:rate=25', '-t', '1']`.
 */
export function ffmpegMade(args: readonly string[], extension: string): Buffer {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verity-ffmpeg-'));
  const out = path.join(dir, `made.${extension}`);
  try {
    execFileSync(toolPath('ffmpeg'), ['-v', 'error', '-nostdin', ...args, '-y', out], { timeout: 60_000 });
    return fs.readFileSync(out);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The smallest valid PNG: one transparent pixel. */
export const PNG_PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** Files that claim to be audio and are not: what an attacker would upload as `clip.wav`. */
export const LYING_FILES = {
  html: Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>'),
  svg: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
  js: Buffer.from('fetch("/api/users").then((r) => r.text()).then(console.log);\n'),
};

/** An interface with one audio field and one question. */
export const audioInterface = {
  fields: [{ name: 'clip', type: 'audio' }],
  questions: [{ name: 'speech', type: 'choice', options: ['yes', 'no'], required: true }],
};

/** Uploads bytes as a project's media through the API; the MediaInfo answer. */
export async function uploadMedia(
  h: Api,
  who: TestUser,
  projectId: number,
  bytes: Buffer,
  opts: { name?: string; contentType?: string } = {},
): Promise<{ status: number; body: any }> {
  const res = await h.verity.app.inject({
    method: 'POST',
    url: `/api/projects/${projectId}/media${opts.name ? `?name=${encodeURIComponent(opts.name)}` : ''}`,
    headers: { authorization: `Bearer ${who.token}`, 'content-type': opts.contentType ?? 'audio/wav' },
    payload: bytes,
  });
  return { status: res.statusCode, body: JSON.parse(res.body) };
}

/** Uploads and expects it stored; the media reference (`media:<id>`). */
export async function uploaded(h: Api, who: TestUser, projectId: number, bytes: Buffer): Promise<string> {
  const res = await uploadMedia(h, who, projectId, bytes);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.ref;
}
