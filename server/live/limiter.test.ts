import { describe, expect, it } from 'vitest';
import { LiveLimiter } from './limiter.ts';

describe('the live reply limits', () => {
  it('admits the first replies of a minute, then says how long to wait', () => {
    const limiter = new LiveLimiter({ perMinute: 3, concurrent: 5 });
    for (let i = 0; i < 3; i++) {
      const a = limiter.admit(7, 1000 + i);
      expect(a.ok).toBe(true);
      if (a.ok) a.release();
    }
    const refused = limiter.admit(7, 2000);
    expect(refused).toEqual({
      ok: false,
      retryAfterSeconds: 59,
      why: 'You asked the model for 3 replies in the last minute, the most allowed.',
    });
    expect(limiter.admit(8, 2000).ok).toBe(true);
    expect(limiter.admit(7, 61_001).ok).toBe(true);
  });

  it('holds at most `concurrent` replies of one account at once, and a release is counted once', () => {
    const limiter = new LiveLimiter({ perMinute: 100, concurrent: 2 });
    const a = limiter.admit(1, 0);
    const b = limiter.admit(1, 0);
    expect(limiter.admit(1, 0).ok).toBe(false);
    if (!a.ok || !b.ok) throw new Error('admitted');
    a.release();
    a.release();
    const c = limiter.admit(1, 0);
    expect(c.ok).toBe(true);
    expect(limiter.admit(1, 0).ok).toBe(false);
  });

  it('forgets idle accounts', () => {
    const limiter = new LiveLimiter({ perMinute: 1, concurrent: 1 });
    const a = limiter.admit(1, 0);
    if (a.ok) a.release();
    limiter.prune(120_000);
    expect(limiter.admit(1, 1).ok).toBe(true);
  });
});
