import { useEffect, useState } from 'react';

/**
 * `value` once it has stopped changing for `delayMs`: what costs time per change (a diff, a
 * Markdown preview) follows the typing without running on every key.
 */
export function useDebounced<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}
