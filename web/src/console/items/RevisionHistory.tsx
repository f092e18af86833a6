import { useState } from 'react';
import type { z } from 'zod';
import type { Revision } from '../../../../core/api/assignments.ts';
import { call } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/Alert.tsx';
import { Name } from '../../ui/Name.tsx';
import { formatTime } from '../format.ts';

type Rev = z.output<typeof Revision>;
const kindNames = {
  draft: 'Draft saved',
  submit: 'Submitted',
  edit: 'Edited after submit',
  import: 'Imported',
};

/** Every revision of one annotation, loaded when first opened. */
export function RevisionHistory({
  annotationId,
  who,
}: {
  annotationId: number;
  who: (userId: number) => string;
}) {
  const [revisions, setRevisions] = useState<Rev[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const open = async (isOpen: boolean) => {
    if (!isOpen || revisions) return;
    try {
      const res = await call('annotationHistory', { params: { annotationId } });
      setRevisions(res?.items ?? []);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <details className="history" onToggle={(e) => void open((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>Revision history</summary>
      <ErrorAlert error={error} />
      {!revisions && !error && <p>Loading revisions…</p>}
      {revisions && (
        <ol className="revisions">
          {revisions.map((r) => (
            <li key={r.revision}>
              <p>
                <strong>
                  Revision {r.revision}: {kindNames[r.kind]}
                </strong>{' '}
                <Author revision={r} who={who} />, {formatTime(r.createdAt)}
              </p>
              <pre className="answers-json">{JSON.stringify(r.answers, null, 2)}</pre>
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}

/**
 * Who wrote a revision. An import names two people: who imported it, and the annotator it is
 * filed under, who did not necessarily write it here.
 */
function Author({ revision: r, who }: { revision: Rev; who: (userId: number) => string }) {
  if (r.kind !== 'import')
    return (
      <>
        by <Name text={who(r.userId)} />
      </>
    );
  return (
    <>
      by {r.importedBy ? <Name text={r.importedBy.label} /> : 'an importer not recorded'}, as the work of{' '}
      <Name text={who(r.userId)} />
    </>
  );
}
