/**
 * Coalesces single-key reads asked in the same turn of the event loop into one read of many keys
 * (at most `max` a time): steps a runner starts together each ask for their own row, and the
 * store answers once. On PostgreSQL each statement is a round trip, so this saves one per key.
 */
export function coalescedReader<K, V>(
  readMany: (keys: readonly K[]) => Promise<ReadonlyMap<K, V>>,
  max = 500,
): (key: K) => Promise<V | undefined> {
  let waiting = new Map<K, { resolve: (v: V | undefined) => void; reject: (e: unknown) => void }[]>();
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    const batch = waiting;
    waiting = new Map();
    const keys = [...batch.keys()];
    for (let i = 0; i < keys.length; i += max) {
      const part = keys.slice(i, i + max);
      readMany(part).then(
        (found) => {
          for (const k of part) for (const w of batch.get(k)!) w.resolve(found.get(k));
        },
        (err: unknown) => {
          for (const k of part) for (const w of batch.get(k)!) w.reject(err);
        },
      );
    }
  };
  return (key) =>
    new Promise<V | undefined>((resolve, reject) => {
      const list = waiting.get(key);
      if (list) list.push({ resolve, reject });
      else waiting.set(key, [{ resolve, reject }]);
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    });
}
