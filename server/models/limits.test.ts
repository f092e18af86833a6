import { afterEach, describe, expect, it, vi } from 'vitest';
import { RateWindow, Semaphore } from './limits.ts';

afterEach(() => vi.useRealTimers());

describe('Semaphore', () => {
  it('lets `size` holders in, then hands each released slot to the next waiter in order', async () => {
    const s = new Semaphore(2);
    const a = await s.acquire();
    const b = await s.acquire();
    const order: string[] = [];
    const took = (name: string) => (release: () => void) => {
      order.push(name);
      return release;
    };
    const c = s.acquire().then(took('c'));
    const d = s.acquire().then(took('d'));
    await Promise.resolve();
    expect([s.inUse, order]).toEqual([2, []]);
    a();
    a(); // releasing twice frees one slot only
    const rc = await c;
    expect(order).toEqual(['c']);
    b();
    const rd = await d;
    expect(order).toEqual(['c', 'd']);
    rc();
    rd();
    expect(s.inUse).toBe(0);
  });

  it('drops a waiter whose signal aborts, with the signal’s reason', async () => {
    const s = new Semaphore(1);
    const held = await s.acquire();
    const ctl = new AbortController();
    const waiting = s.acquire(ctl.signal);
    ctl.abort(new Error('gone'));
    await expect(waiting).rejects.toThrow('gone');
    held();
    expect(s.inUse).toBe(0);
    (await s.acquire())();
  });
});

describe('RateWindow', () => {
  it('starts at most `perMinute` calls in any 60 s', async () => {
    vi.useFakeTimers();
    const w = new RateWindow(2);
    await w.take();
    await w.take();
    let third = false;
    const p = w.take().then(() => {
      third = true;
    });
    await vi.advanceTimersByTimeAsync(59_000);
    expect(third).toBe(false);
    await vi.advanceTimersByTimeAsync(1_000);
    await p;
    expect(third).toBe(true);
  });

  it('gives up waiting when the signal aborts', async () => {
    vi.useFakeTimers();
    const w = new RateWindow(1);
    await w.take();
    const ctl = new AbortController();
    const p = w.take(ctl.signal);
    ctl.abort(new Error('stop'));
    await expect(p).rejects.toThrow('stop');
  });
});
