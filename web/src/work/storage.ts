/** The part of the Web Storage API the work modules use; tests pass a plain object with these. */
export interface StorageLike {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** localStorage, or undefined where it is missing or refused (private mode, disabled cookies). */
export function browserStorage(): StorageLike | undefined {
  try {
    const s = window.localStorage;
    s.getItem('verity.probe');
    return s;
  } catch {
    return undefined;
  }
}

/** Reads and parses one JSON record; undefined when absent, unreadable or not valid by `check`. */
export function readJson<T>(storage: StorageLike, key: string, check: (v: unknown) => v is T): T | undefined {
  try {
    const raw = storage.getItem(key);
    if (raw === null) return undefined;
    const value: unknown = JSON.parse(raw);
    return check(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Writes one JSON record; false when the browser refused (quota full), so callers can say so. */
export function writeJson(storage: StorageLike, key: string, value: unknown): boolean {
  try {
    storage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

/** Keys that start with `prefix`. */
export function keysWith(storage: StorageLike, prefix: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const k = storage.key(i);
    if (k?.startsWith(prefix)) out.push(k);
  }
  return out;
}

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A Map-backed StorageLike for tests and for browsers without localStorage. */
export function memoryStorage(): StorageLike & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}
