import { useState } from 'react';
import { api } from '../../api/client.ts';
import { Field } from '../Field.tsx';

/** A plain download link: the session cookie authenticates GETs, and the browser streams to disk. */
export function ExportTab({ projectId, name }: { projectId: number; name: string }) {
  const [format, setFormat] = useState<'jsonl'>('jsonl');
  const href = api.url('exportItems', { params: { projectId }, query: { format } });
  const file = `${name.replace(/[^\w.-]+/g, '-').replace(/^-|-$/g, '') || 'project'}-${projectId}.${format}`;
  return (
    <section className="stack" aria-labelledby="export-title">
      <h2 id="export-title">Export</h2>
      <p>
        One line per item, in import order, with every annotation (drafts included, marked{' '}
        <code>"status": "draft"</code>). Large projects stream, so the download starts at once.
      </p>
      <Field label="Format">
        {(c) => (
          <select {...c} value={format} onChange={(e) => setFormat(e.target.value as 'jsonl')}>
            <option value="jsonl">JSON Lines (.jsonl)</option>
          </select>
        )}
      </Field>
      <p>
        <a className="button primary" href={href} download={file}>
          Download export
        </a>
      </p>
    </section>
  );
}
