import type { IntegritySignals } from '../../../core/interface/index.ts';
import type { SignalsDelta } from '../editors/integrity-meter.ts';
import { isRecord, readJson, type StorageLike, writeJson } from './storage.ts';

export type Signals = Record<string, IntegritySignals>;

const KEYS = ['pastedChars', 'typedChars', 'typingMs', 'focusChanges'] as const;
const zero = (): IntegritySignals => ({ pastedChars: 0, typedChars: 0, typingMs: 0, focusChanges: 0 });
const isSignals = (v: unknown): v is Signals =>
  isRecord(v) &&
  Object.values(v).every(
    (s) => isRecord(s) && KEYS.every((k) => Number.isInteger(s[k]) && (s[k] as number) >= 0),
  );

function add(into: Signals, question: string, delta: SignalsDelta): void {
  const s = into[question] ?? zero();
  into[question] = s;
  for (const k of KEYS) s[k] += delta[k] ?? 0;
}

/**
 * Integrity signals measured in this browser and not yet sent, per assignment, written through to
 * localStorage so a reload or a crash loses nothing. A save `take`s what has gathered (the store
 * forgets it) and sends it with the draft or the submit; a save that fails `giveBack`s it, to go
 * with the next one. So every measurement reaches the server once: a submit carries its signals in
 * the outbox entry, whose idempotency key makes the server count it once however often it is sent.
 */
export function createSignalsStore(storage: StorageLike, scope: string) {
  const key = (assignmentId: number) => `verity.signals.${scope}.${assignmentId}`;
  const read = (assignmentId: number): Signals => readJson(storage, key(assignmentId), isSignals) ?? {};
  return {
    add(assignmentId: number, question: string, delta: SignalsDelta): void {
      const s = read(assignmentId);
      add(s, question, delta);
      writeJson(storage, key(assignmentId), s);
    },
    /** Everything gathered for the assignment, now forgotten here; undefined when nothing was. */
    take(assignmentId: number): Signals | undefined {
      const s = read(assignmentId);
      storage.removeItem(key(assignmentId));
      return Object.keys(s).length === 0 ? undefined : s;
    },
    /** Puts back what a failed save took, adding to what gathered meanwhile. */
    giveBack(assignmentId: number, taken: Signals | undefined): void {
      if (!taken) return;
      const s = read(assignmentId);
      for (const [question, delta] of Object.entries(taken)) add(s, question, delta);
      writeJson(storage, key(assignmentId), s);
    },
    remove: (assignmentId: number) => storage.removeItem(key(assignmentId)),
  };
}
export type SignalsStore = ReturnType<typeof createSignalsStore>;
