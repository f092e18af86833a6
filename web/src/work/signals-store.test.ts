import { describe, expect, it } from 'vitest';
import { createSignalsStore } from './signals-store.ts';
import { memoryStorage } from './storage.ts';

const full = (s: Partial<Record<string, number>>) => ({
  pastedChars: 0,
  typedChars: 0,
  typingMs: 0,
  focusChanges: 0,
  ...s,
});

describe('signals store', () => {
  it('sums the measurements per assignment and question until they are taken, once', () => {
    const store = createSignalsStore(memoryStorage(), 'u1');
    store.add(7, 'essay', { typedChars: 3, typingMs: 200 });
    store.add(7, 'essay', { pastedChars: 40 });
    store.add(7, 'ideal', { focusChanges: 1 });
    store.add(8, 'essay', { typedChars: 1 });
    expect(store.take(7)).toEqual({
      essay: full({ typedChars: 3, typingMs: 200, pastedChars: 40 }),
      ideal: full({ focusChanges: 1 }),
    });
    expect(store.take(7)).toBeUndefined();
    expect(store.take(8)).toEqual({ essay: full({ typedChars: 1 }) });
  });

  it('survives a reload (a new store on the same storage)', () => {
    const storage = memoryStorage();
    createSignalsStore(storage, 'u1').add(7, 'essay', { pastedChars: 5 });
    expect(createSignalsStore(storage, 'u1').take(7)).toEqual({ essay: full({ pastedChars: 5 }) });
    expect(createSignalsStore(storage, 'u2').take(7)).toBeUndefined();
  });

  it('takes back what a failed save took, adding what gathered meanwhile', () => {
    const store = createSignalsStore(memoryStorage(), 'u1');
    store.add(7, 'essay', { typedChars: 3 });
    const taken = store.take(7);
    store.add(7, 'essay', { typedChars: 2 });
    store.giveBack(7, taken);
    expect(store.take(7)).toEqual({ essay: full({ typedChars: 5 }) });
  });

  it('ignores what it cannot read back', () => {
    const storage = memoryStorage();
    storage.setItem('verity.signals.u1.7', '{"essay":{"pastedChars":-1}}');
    const store = createSignalsStore(storage, 'u1');
    expect(store.take(7)).toBeUndefined();
    storage.setItem('verity.signals.u1.7', 'not json');
    store.add(7, 'essay', { typedChars: 1 });
    expect(store.take(7)).toEqual({ essay: full({ typedChars: 1 }) });
  });
});
