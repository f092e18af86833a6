import { describe, expect, it } from 'vitest';
import { backoffMs, createOutbox, deliver, type PendingSubmit } from './outbox.ts';
import { memoryStorage } from './storage.ts';

const entry = (over: Partial<PendingSubmit> = {}): PendingSubmit => ({
  v: 1,
  idempotencyKey: 'key-00000001',
  assignmentId: 3,
  answers: { topic: 'algebra' },
  activeMs: 1200,
  queuedAt: 1,
  attempts: 0,
  ...over,
});

const offline = new Error('offline');
const rejected = new Error('invalid answers');
const classify = (e: unknown) => (e === offline ? ('retry' as const) : ('final' as const));

describe('submit outbox', () => {
  it('survives a reload: queued entries are listed oldest first', () => {
    const storage = memoryStorage();
    createOutbox(storage, 'u1').put(entry({ idempotencyKey: 'key-b', queuedAt: 2 }));
    createOutbox(storage, 'u1').put(entry({ idempotencyKey: 'key-a', queuedAt: 1 }));
    expect(
      createOutbox(storage, 'u1')
        .list()
        .map((e) => e.idempotencyKey),
    ).toEqual(['key-a', 'key-b']);
    expect(createOutbox(storage, 'u2').list()).toEqual([]);
  });

  it('retries through a lost connection with the same idempotency key, then removes the entry', async () => {
    const outbox = createOutbox(memoryStorage(), 'u1');
    const e = entry();
    outbox.put(e);
    const sent: string[] = [];
    const waits: number[] = [];
    let failures = 3;
    const result = await deliver(e, {
      outbox,
      classify,
      random: () => 1,
      sleep: async (ms) => void waits.push(ms),
      send: async (p) => {
        sent.push(p.idempotencyKey);
        // While offline the entry stays queued, with its attempts counted.
        if (failures-- > 0) throw offline;
        expect(outbox.list()[0]?.attempts).toBe(3);
        return 'stored';
      },
    });
    expect(result).toEqual({ ok: true, result: 'stored' });
    expect(new Set(sent)).toEqual(new Set([e.idempotencyKey]));
    expect(sent).toHaveLength(4);
    expect(waits).toEqual([1000, 2000, 4000]);
    expect(outbox.list()).toEqual([]);
  });

  it('gives up on a final error and hands it back without retrying', async () => {
    const outbox = createOutbox(memoryStorage(), 'u1');
    outbox.put(entry());
    let calls = 0;
    const result = await deliver(entry(), {
      outbox,
      classify,
      sleep: async () => undefined,
      send: async () => {
        calls++;
        throw rejected;
      },
    });
    expect(result).toEqual({ ok: false, error: rejected });
    expect(calls).toBe(1);
    expect(outbox.list()).toEqual([]);
  });

  it('backs off from 1 s doubling to a 30 s ceiling, with jitter', () => {
    expect([0, 1, 2, 5, 20].map((a) => backoffMs(a, () => 1))).toEqual([1000, 2000, 4000, 30_000, 30_000]);
    expect(backoffMs(0, () => 0)).toBe(500);
  });
});
