import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { toolPath } from './binaries.ts';
import { PeakBuilder, type PeaksIndex } from './peaks.ts';
import { UndecodableError } from './probe.ts';
import { toolReason } from './run-tool.ts';
import { type MediaStorage, peaksKey } from './storage.ts';

/**
 * Decodes a file's first audio stream once with ffmpeg to mono signed 16-bit PCM at `sampleRate`
 * (`-ac 1`: ffmpeg's downmix), read from its stdout in chunks into a PeakBuilder: the PCM is never
 * held whole. Throws UndecodableError with ffmpeg's reason when it fails. `timeoutMs` bounds it.
 */
export function decodePeaks(
  file: string,
  sampleRate: number,
  opts: { timeoutMs: number; signal?: AbortSignal },
): Promise<ReturnType<PeakBuilder['finish']>> {
  const builder = new PeakBuilder(sampleRate);
  const input = `file:${file}`;
  const args = ['-v', 'error', '-nostdin', '-i', input, '-map', '0:a:0', '-vn', '-ac', '1'];
  args.push('-ar', String(sampleRate), '-f', 's16le', '-acodec', 'pcm_s16le', 'pipe:1');
  return new Promise((resolve, reject) => {
    const child = spawn(toolPath('ffmpeg'), args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
    let err = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, opts.timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => builder.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      err = (err + chunk.toString('utf8')).slice(-4096);
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (timedOut) reject(new Error(`decoding took longer than ${Math.round(opts.timeoutMs / 1000)} s`));
      else if (code !== 0) reject(new UndecodableError(toolReason(err, input)));
      else if (builder.samples === 0) reject(new UndecodableError('it decodes to no sound at all'));
      else resolve(builder.finish());
    });
  });
}

/** Stores each level's pairs beside the media (`<key>.peaks-<samples per pixel>`), via a temp file. */
export async function storePeaks(
  storage: MediaStorage,
  key: string,
  tmpDir: string,
  levels: readonly { samplesPerPixel: number; bytes: Buffer }[],
): Promise<void> {
  await fs.promises.mkdir(tmpDir, { recursive: true, mode: 0o700 });
  for (const level of levels) {
    const temp = path.join(tmpDir, `peaks-${randomUUID()}`);
    try {
      await fs.promises.writeFile(temp, level.bytes, { mode: 0o600 });
      await storage.put(peaksKey(key, level.samplesPerPixel), temp, {
        size: level.bytes.length,
        contentType: 'application/octet-stream',
      });
    } finally {
      await fs.promises.rm(temp, { force: true });
    }
  }
}

export type { PeaksIndex };
