import { describe, expect, it } from 'vitest';
import { createActiveTimer } from './active-time.ts';

const clock = () => {
  let t = 0;
  return {
    now: () => t,
    advance: (ms: number) => {
      t += ms;
    },
  };
};

describe('active time', () => {
  it('counts time after an interaction, up to 30 s of idleness', () => {
    const c = clock();
    const timer = createActiveTimer(c.now);
    c.advance(5000); // no interaction yet: not active
    timer.interact();
    c.advance(10_000);
    expect(timer.take()).toBe(10_000);
    c.advance(60_000); // idle: only the first 20 s of the 30 s window remain
    expect(timer.take()).toBe(20_000);
  });

  it('stops counting while the tab is hidden', () => {
    const c = clock();
    const timer = createActiveTimer(c.now);
    timer.interact();
    c.advance(4000);
    timer.setVisible(false);
    c.advance(10_000);
    timer.setVisible(true);
    c.advance(1000);
    expect(timer.take()).toBe(5000);
  });

  it('returns time given back after a failed save', () => {
    const c = clock();
    const timer = createActiveTimer(c.now);
    timer.interact();
    c.advance(3000);
    const ms = timer.take();
    timer.giveBack(ms);
    c.advance(1000);
    expect(timer.take()).toBe(4000);
  });
});
