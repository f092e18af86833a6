import { useState } from 'react';

/**
 * Cursor pagination with a way back: the cursors of the pages already seen are kept, so
 * "Previous page" is exact without the server knowing about pages.
 */
export function useCursorPages() {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const index = cursors.length - 1;
  return {
    cursor: cursors[index],
    page: index + 1,
    next: (nextCursor: string) => setCursors((c) => [...c, nextCursor]),
    previous: () => setCursors((c) => (c.length > 1 ? c.slice(0, -1) : c)),
    reset: () => setCursors([undefined]),
  };
}
