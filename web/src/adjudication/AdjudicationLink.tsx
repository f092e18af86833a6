import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { AdjudicationCase } from '../../../core/api/adjudication.ts';
import { call } from '../api/client.ts';
import { Link } from '../app/router.tsx';

/**
 * On an item's page in the item browser: a link to adjudicate it while it is in the project's
 * adjudication queue (or to see its final answer), for those who may adjudicate. Nothing otherwise
 * (the item is not disputed, or the caller annotated it).
 */
export function AdjudicationLink(props: { projectId: number; itemId: number }) {
  const { projectId, itemId } = props;
  const [found, setFound] = useState<z.output<typeof AdjudicationCase>>();
  useEffect(() => {
    const controller = new AbortController();
    call('getAdjudication', { params: { projectId, itemId }, signal: controller.signal })
      .then((c) => setFound(c ?? undefined))
      .catch(() => setFound(undefined));
    return () => controller.abort();
  }, [projectId, itemId]);
  if (!found) return null;
  return (
    <Link to={`/projects/${projectId}/adjudicate/${itemId}`} className="button">
      {found.final ? 'See the final answer' : 'Adjudicate'}
    </Link>
  );
}
