import { isRecord, readJson, type StorageLike, writeJson } from '../../work/storage.ts';

/**
 * Work on a page not yet saved to the server (a new project; an interface being edited), kept in
 * this browser (localStorage) on every change, so a reload, the browser's Back or a crash loses
 * nothing. One per user and page (`what`), so two people sharing a browser do not see each
 * other's drafts. `check` tells a stored value from anything else found under the key.
 */
export interface SavedDraft<T> {
  v: 1;
  value: T;
  /** When it was last changed (ms since epoch). */
  savedAt: number;
}

export function savedDraftStore<T>(
  storage: StorageLike | undefined,
  userId: number,
  what: string,
  check: (v: unknown) => v is T,
) {
  const key = `verity.builder.${userId}.${what}`;
  const isSaved = (v: unknown): v is SavedDraft<T> =>
    isRecord(v) && v.v === 1 && typeof v.savedAt === 'number' && check(v.value);
  return {
    read: (): SavedDraft<T> | undefined => (storage ? readJson(storage, key, isSaved) : undefined),
    /** False when the browser refused to keep it (no storage, or quota full). */
    write: (value: T, now: number): boolean =>
      storage ? writeJson(storage, key, { v: 1, value, savedAt: now } satisfies SavedDraft<T>) : false,
    clear: () => storage?.removeItem(key),
  };
}
export type SavedDraftStore<T> = ReturnType<typeof savedDraftStore<T>>;
