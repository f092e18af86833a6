import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAutosaver, type SaveStatus } from './autosave.ts';

const offline = new Error('offline');

function setup(save: (v: number) => Promise<void>) {
  const statuses: SaveStatus[] = [];
  const saver = createAutosaver<number>({
    delayMs: 800,
    save,
    isOffline: (e) => e === offline,
    onStatus: (s) => void statuses.push(s),
  });
  return { saver, statuses };
}

describe('autosave', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('saves once, 800 ms after the last of a burst of changes, with the latest value', async () => {
    const saved: number[] = [];
    const { saver, statuses } = setup(async (v) => void saved.push(v));
    saver.change(1);
    await vi.advanceTimersByTimeAsync(500);
    saver.change(2);
    await vi.advanceTimersByTimeAsync(799);
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(saved).toEqual([2]);
    expect(statuses.at(-1)).toBe('saved');
  });

  it('saves at once on flush', async () => {
    const saved: number[] = [];
    const { saver } = setup(async (v) => void saved.push(v));
    saver.change(5);
    await saver.flush();
    expect(saved).toEqual([5]);
    expect(saver.hasUnsaved()).toBe(false);
  });

  it('reports offline and retries the latest value until the connection returns', async () => {
    const saved: number[] = [];
    let down = true;
    const { saver, statuses } = setup(async (v) => {
      if (down) throw offline;
      saved.push(v);
    });
    saver.change(1);
    await vi.advanceTimersByTimeAsync(800);
    expect(statuses.at(-1)).toBe('offline');
    saver.change(2);
    down = false;
    await vi.advanceTimersByTimeAsync(800);
    expect(saved).toEqual([2]);
    expect(statuses.at(-1)).toBe('saved');
  });

  it('never runs two saves at once and ends with the newest value', async () => {
    const saved: number[] = [];
    let active = 0;
    const { saver } = setup(async (v) => {
      active++;
      expect(active).toBe(1);
      await new Promise((r) => setTimeout(r, 1000));
      saved.push(v);
      active--;
    });
    saver.change(1);
    const first = saver.flush();
    saver.change(2);
    const second = saver.flush();
    await vi.advanceTimersByTimeAsync(2000);
    await Promise.all([first, second]);
    expect(saved).toEqual([1, 2]);
  });

  it('reports a refusal as an error and keeps the value unsaved', async () => {
    const { saver, statuses } = setup(async () => {
      throw new Error('lock expired');
    });
    saver.change(1);
    await saver.flush();
    expect(statuses.at(-1)).toBe('error');
    expect(saver.hasUnsaved()).toBe(true);
  });

  it('settles: waits for a save on the wire and sends nothing after', async () => {
    const saved: number[] = [];
    const { saver } = setup(async (v) => {
      await new Promise((r) => setTimeout(r, 300));
      saved.push(v);
    });
    saver.change(1);
    const first = saver.flush();
    saver.change(2);
    const settled = saver.settle();
    await vi.advanceTimersByTimeAsync(5000);
    await Promise.all([first, settled]);
    expect(saved).toEqual([1]);
  });
});
