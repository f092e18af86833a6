import { describe, expect, it } from 'vitest';
import { checkMediaValue } from '../interface/index.ts';
import { parseRange } from './range.ts';
import { itemMediaPath, parseMediaReference } from './reference.ts';
import { isInlineType, sniffType } from './sniff.ts';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('the type of a file from its first bytes', () => {
  it('knows the audio, video and image formats by their magic numbers', () => {
    expect(sniffType(bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt '))).toBe('audio/wav');
    expect(sniffType(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '))).toBe('image/webp');
    expect(sniffType(bytes('fLaC'))).toBe('audio/flac');
    expect(sniffType(bytes('OggS'))).toBe('audio/ogg');
    expect(sniffType(bytes('ID3', [4, 0]))).toBe('audio/mpeg');
    expect(sniffType(bytes([0xff, 0xfb, 0x90, 0x00]))).toBe('audio/mpeg');
    expect(sniffType(bytes([0x1a, 0x45, 0xdf, 0xa3]))).toBe('video/webm');
    expect(sniffType(bytes([0, 0, 0, 0x20], 'ftypisom'))).toBe('video/mp4');
    expect(sniffType(bytes([0, 0, 0, 0x20], 'ftypM4A '))).toBe('audio/mp4');
    expect(sniffType(bytes([0, 0, 0, 0x14], 'ftypqt  '))).toBe('video/quicktime');
    expect(sniffType(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a]))).toBe('image/png');
    expect(sniffType(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffType(bytes('GIF89a'))).toBe('image/gif');
  });

  it('calls anything else application/octet-stream, never a text type, whatever its name', () => {
    for (const text of [
      '<!doctype html><script>',
      '<svg xmlns="http://www.w3.org/2000/svg">',
      'alert(1)',
      '{"a":1}',
      '',
    ])
      expect(sniffType(bytes(text))).toBe('application/octet-stream');
    expect(sniffType(bytes('RIFF'))).toBe('application/octet-stream');
    expect(isInlineType('application/octet-stream')).toBe(false);
    expect(isInlineType('audio/wav')).toBe(true);
    expect(isInlineType('text/html')).toBe(false);
  });
});

describe('the Range header of a media request', () => {
  it('reads one range: first bytes, open-ended, a suffix, an end past the file', () => {
    expect(parseRange(undefined, 1000)).toEqual({ kind: 'whole' });
    expect(parseRange('bytes=0-99', 1000)).toEqual({ kind: 'partial', start: 0, end: 99 });
    expect(parseRange('bytes=0-0', 1000)).toEqual({ kind: 'partial', start: 0, end: 0 });
    expect(parseRange('bytes=900-', 1000)).toEqual({ kind: 'partial', start: 900, end: 999 });
    expect(parseRange('bytes=-100', 1000)).toEqual({ kind: 'partial', start: 900, end: 999 });
    expect(parseRange('bytes=-5000', 1000)).toEqual({ kind: 'partial', start: 0, end: 999 });
    expect(parseRange('bytes=990-5000', 1000)).toEqual({ kind: 'partial', start: 990, end: 999 });
  });

  it('answers several ranges with the whole file and refuses what is not in it', () => {
    expect(parseRange('bytes=0-1,5-9', 1000)).toEqual({ kind: 'whole' });
    for (const h of [
      'bytes=1000-',
      'bytes=5-1',
      'bytes=-0',
      'bytes=-',
      'bytes=x-1',
      'lines=0-1',
      'bytes=0-1,x',
    ])
      expect(parseRange(h, 1000), h).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
  });
});

describe('media references in item data', () => {
  it('tells media ids, URLs and file paths apart', () => {
    expect(parseMediaReference('media:12')).toEqual({ kind: 'media', id: 12 });
    expect(parseMediaReference('https://example.org/a.wav')).toEqual({
      kind: 'url',
      url: 'https://example.org/a.wav',
    });
    expect(parseMediaReference('media:0')).toEqual({ kind: 'path', path: 'media:0' });
    expect(parseMediaReference('clips/a.wav')).toEqual({ kind: 'path', path: 'clips/a.wav' });
    expect(itemMediaPath(7, 'clip')).toBe('/api/items/7/media/clip');
  });

  it('accepts media ids and http(s) URLs in a media field, and says what to do with a path', () => {
    expect(checkMediaValue('media:3')).toBeUndefined();
    expect(checkMediaValue('http://example.org/a.wav')).toBeUndefined();
    expect(checkMediaValue(3)).toBe('must be "media:<id>" or an http(s) URL, got 3');
    expect(checkMediaValue('clips/a.wav')).toMatch(
      /got a file path "clips\/a\.wav" \(upload files with `verity import --media DIR`\)/,
    );
    expect(checkMediaValue(`https://example.org/${'a'.repeat(3000)}`)).toMatch(/longer than 2048/);
  });
});
