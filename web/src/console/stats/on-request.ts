import { useState } from 'react';

/**
 * A report computed only when asked (it reads every answer of the project): its value once
 * loaded, the error of the last attempt, whether one is running, and `compute` to (re)load it.
 */
export function useOnRequest<T>(load: () => Promise<T>) {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const compute = async () => {
    setBusy(true);
    setError(null);
    try {
      setValue(await load());
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return { value, error, busy, compute };
}
