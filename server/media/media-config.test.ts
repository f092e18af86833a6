import { describe, expect, it } from 'vitest';
import { DEFAULT_MEDIA_MAX_BYTES, parseMediaEnv } from './media-config.ts';
import { hostAllowed, shortUrl } from './url-fetch.ts';

describe('the media settings from the environment', () => {
  it('stores in the data folder by default, with the default limits', () => {
    expect(parseMediaEnv({})).toEqual({
      store: { kind: 'local' },
      maxBytes: DEFAULT_MEDIA_MAX_BYTES,
      url: { allowedHosts: [], privateHosts: [], timeoutMs: 60_000, maxRedirects: 5 },
    });
  });

  it('reads an S3-compatible bucket, path-style when an endpoint is given', () => {
    const config = parseMediaEnv({
      VERITY_MEDIA_STORE: 's3',
      VERITY_S3_BUCKET: 'media',
      VERITY_S3_ENDPOINT: 'http://minio.internal:9000',
      VERITY_S3_ACCESS_KEY_ID: 'AKIA',
      VERITY_S3_SECRET_ACCESS_KEY: 'very-secret',
      VERITY_S3_PREFIX: 'verity',
      VERITY_MEDIA_MAX_BYTES: '1000000',
      VERITY_MEDIA_URL_HOSTS: 'media.example.org, *.cdn.example.org',
      VERITY_MEDIA_URL_TIMEOUT_SECONDS: '5',
    });
    expect(config).toMatchObject({
      maxBytes: 1_000_000,
      store: {
        kind: 's3',
        s3: { bucket: 'media', region: 'us-east-1', forcePathStyle: true, prefix: 'verity/' },
      },
      url: { allowedHosts: ['media.example.org', '*.cdn.example.org'], timeoutMs: 5000 },
    });
  });

  it('names the variable of a wrong value, never repeating a secret', () => {
    expect(() => parseMediaEnv({ VERITY_MEDIA_STORE: 'ftp' })).toThrow(
      /VERITY_MEDIA_STORE: write local or s3/,
    );
    expect(() => parseMediaEnv({ VERITY_MEDIA_STORE: 's3' })).toThrow(/needs VERITY_S3_BUCKET/);
    expect(() => parseMediaEnv({ VERITY_MEDIA_MAX_BYTES: '2GB' })).toThrow(/VERITY_MEDIA_MAX_BYTES/);
    const half = () =>
      parseMediaEnv({
        VERITY_MEDIA_STORE: 's3',
        VERITY_S3_BUCKET: 'b',
        VERITY_S3_SECRET_ACCESS_KEY: 'very-secret',
      });
    expect(half).toThrow(/set both VERITY_S3_ACCESS_KEY_ID and VERITY_S3_SECRET_ACCESS_KEY/);
    try {
      half();
    } catch (err) {
      expect((err as Error).message).not.toContain('very-secret');
    }
  });
});

describe('the allow-list of media hosts', () => {
  it('allows any host when empty, else the names listed and the subdomains of a *. entry', () => {
    expect(hostAllowed('anything.example', [])).toBe(true);
    const list = ['media.example.org', '*.cdn.example.org'];
    expect(hostAllowed('media.example.org', list)).toBe(true);
    expect(hostAllowed('MEDIA.example.org', list)).toBe(true);
    expect(hostAllowed('eu.cdn.example.org', list)).toBe(true);
    expect(hostAllowed('cdn.example.org', list)).toBe(false);
    expect(hostAllowed('evilcdn.example.org', list)).toBe(false);
    expect(hostAllowed('media.example.org.evil.net', list)).toBe(false);
  });

  it('shows URLs without their query, which may carry a signature', () => {
    expect(shortUrl('https://s3.example.org/a.wav?X-Amz-Signature=abc')).toBe('https://s3.example.org/a.wav');
  });
});
