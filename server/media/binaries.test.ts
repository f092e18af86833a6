import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findTool } from './binaries.ts';

describe('finding ffprobe and ffmpeg', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verity-tools-'));
  const fake = path.join(dir, 'ffprobe');
  fs.writeFileSync(fake, '#!/bin/sh\nexit 0\n', { mode: 0o755 });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('takes the variable first, then the PATH, then the npm package', () => {
    expect(findTool('ffprobe', { VERITY_FFPROBE: fake, PATH: '' })).toEqual({ path: fake, source: 'env' });
    expect(findTool('ffprobe', { PATH: `/nonexistent${path.delimiter}${dir}` })).toEqual({
      path: fake,
      source: 'system',
    });
    const npm = findTool('ffprobe', { PATH: '' });
    // After npm ci the package's static build is found; without it, the reason says what to do.
    if (typeof npm === 'string') expect(npm).toMatch(/@ffprobe-installer\/ffprobe/);
    else expect(npm).toMatchObject({ source: 'npm', path: expect.stringMatching(/@ffprobe-installer/) });
  });

  it('says what is wrong with a variable that names no executable', () => {
    expect(findTool('ffmpeg', { VERITY_FFMPEG: path.join(dir, 'none'), PATH: '' })).toBe(
      `VERITY_FFMPEG names ${path.join(dir, 'none')}, which is not an executable file`,
    );
  });
});
