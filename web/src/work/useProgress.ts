import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { MyProgress } from '../../../core/api/assignments.ts';
import { call } from '../api/client.ts';

export type Progress = z.output<typeof MyProgress>;

/**
 * The caller's counter on a project and the item Previous opens (before `before`, when viewing an
 * earlier item), read again whenever `shown` changes: after each submit or skip the next item is
 * shown. A failed read keeps the last counter: the counter is a guide, the work goes on without it.
 */
export function useProgress(projectId: number, shown: string, before: number | undefined) {
  const [progress, setProgress] = useState<Progress>();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `shown` changing is the reason to read again
  useEffect(() => {
    let live = true;
    call('myProgress', { params: { projectId }, query: before === undefined ? {} : { before } }).then(
      (p) => {
        if (live && p) setProgress(p);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [projectId, shown, before]);
  return progress;
}
