import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { seal, UnsealError, unseal } from './seal.ts';

const secret = randomBytes(32).toString('base64url');
const key = 'sk-test-VERY-distinctive-key-1234567890';

describe('seal', () => {
  it('round-trips a key and never holds it in the clear', () => {
    const sealed = seal(secret, key);
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain(key);
    expect(sealed).not.toContain(Buffer.from(key).toString('base64url'));
    expect(unseal(secret, sealed)).toBe(key);
  });

  it('seals the same key differently each time (a fresh IV)', () => {
    const a = seal(secret, key);
    const b = seal(secret, key);
    expect(a).not.toBe(b);
    expect(unseal(secret, a)).toBe(unseal(secret, b));
  });

  it('refuses to open under another secret, clearly and without the key', () => {
    const sealed = seal(secret, key);
    const other = randomBytes(32).toString('base64url');
    let err: unknown;
    try {
      unseal(other, sealed);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UnsealError);
    expect((err as Error).message).toMatch(/secret changed/);
    expect((err as Error).message).not.toContain(key);
  });

  it('refuses an altered ciphertext, tag or version', () => {
    const [v, iv, tag, body] = seal(secret, key).split('.') as [string, string, string, string];
    const flip = (s: string) => {
      const b = Buffer.from(s, 'base64url');
      b[0] = b[0]! ^ 1;
      return b.toString('base64url');
    };
    expect(() => unseal(secret, [v, iv, tag, flip(body)].join('.'))).toThrow(UnsealError);
    expect(() => unseal(secret, [v, iv, flip(tag), body].join('.'))).toThrow(UnsealError);
    expect(() => unseal(secret, ['v2', iv, tag, body].join('.'))).toThrow(/known version/);
    expect(() => unseal(secret, 'plain-text-key')).toThrow(UnsealError);
  });

  it('seals the empty string and long keys alike', () => {
    expect(unseal(secret, seal(secret, ''))).toBe('');
    const long = 'k'.repeat(4096);
    expect(unseal(secret, seal(secret, long))).toBe(long);
  });

  it('keeps purposes apart: text sealed for one purpose does not open as another', () => {
    const flow = seal(secret, '{"state":"s"}', 'sso-flow');
    expect(unseal(secret, flow, 'sso-flow')).toBe('{"state":"s"}');
    expect(() => unseal(secret, flow)).toThrow(UnsealError);
    expect(() => unseal(secret, seal(secret, key), 'sso-flow')).toThrow(UnsealError);
  });
});
