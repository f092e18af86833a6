import { type FormEvent, useState } from 'react';
import { importSummary } from '../../../../core/api/items.ts';
import type { Project } from '../../../../core/api/projects.ts';
import { ErrorAlert } from '../../ui/Alert.tsx';
import { plural } from '../format.ts';
import { ProgressBar } from '../Progress.tsx';
import { DropZone } from './DropZone.tsx';
import { GeneratePanel } from './GeneratePanel.tsx';
import { LineErrors } from './LineErrors.tsx';
import { MediaUpload } from './MediaUpload.tsx';
import { formatOf, type ImportOutcome, lineErrorsOf, uploadItems } from './upload.ts';

type Phase = { is: 'idle' } | { is: 'uploading'; fraction: number } | { is: 'processing' };

/** Upload a JSONL or CSV file of items, with progress, and the bad lines if any. */
export function ImportTab({ project, onImported }: { project: Project; onImported(): void }) {
  const [file, setFile] = useState<File | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [phase, setPhase] = useState<Phase>({ is: 'idle' });
  const [result, setResult] = useState<ImportOutcome | null>(null);
  const [error, setError] = useState<unknown>(null);
  const format = file ? formatOf(file) : undefined;
  const fields = project.interface.fields.map((f) => f.name);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file || !format) return;
    setResult(null);
    setError(null);
    setPhase({ is: 'uploading', fraction: 0 });
    try {
      const onProgress = (fraction: number) =>
        setPhase(fraction >= 1 ? { is: 'processing' } : { is: 'uploading', fraction });
      setResult(await uploadItems(project.id, file, { format, skipInvalid, onProgress }));
      onImported();
    } catch (err) {
      setError(err);
    } finally {
      setPhase({ is: 'idle' });
    }
  };

  const invalid = lineErrorsOf(error);
  const busy = phase.is !== 'idle';
  return (
    <div className="stack">
      <section className="stack" aria-labelledby="import-title">
        <h2 id="import-title">Import items</h2>
        <p>
          Each JSON line (or CSV row) is one item whose data has{' '}
          {fields.length === 1 ? 'the field' : 'the fields'} <code>{fields.join(', ')}</code>. An import is
          all or nothing: if any line is invalid, nothing is imported unless you choose to skip invalid lines.
        </p>
        <form className="stack" onSubmit={submit}>
          <DropZone file={file} onFile={setFile} />
          {file && !format && (
            <p role="alert" className="alert alert-error">
              {file.name} is neither a .jsonl nor a .csv file. Choose a JSON Lines or CSV file.
            </p>
          )}
          <label className="check">
            <input type="checkbox" checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)} />
            Skip invalid lines (import the valid ones and list the rest)
          </label>
          <button type="submit" className="primary self-start" disabled={!file || !format || busy}>
            Import
          </button>
        </form>
        {phase.is === 'uploading' && (
          <ProgressBar
            value={Math.round(phase.fraction * 100)}
            label={`Uploading: ${Math.round(phase.fraction * 100)}%`}
          />
        )}
        <p role="status">{phase.is === 'processing' ? 'Uploaded. Checking every line and importing…' : ''}</p>
        {result && (
          <div className={`alert ${result.imported > 0 ? 'alert-ok' : 'alert-warn'}`} role="alert">
            {importSummary(result)}
            {result.invalid > 0 ? ' The invalid lines are listed below.' : ''}
          </div>
        )}
        {result && <LineErrors errors={result.errors} total={result.invalid} />}
        {invalid ? (
          <>
            <div className="alert alert-error" role="alert">
              Nothing was imported: {plural(invalid.invalid, 'line is', 'lines are')} invalid. Fix{' '}
              {invalid.invalid === 1 ? 'it' : 'them'} and import the file again, or tick "Skip invalid lines"
              to import the valid lines only.
            </div>
            <LineErrors errors={invalid.errors} total={invalid.invalid} />
          </>
        ) : (
          <ErrorAlert error={error} />
        )}
      </section>
      {project.interface.fields.some(
        (f) => f.type === 'audio' || f.type === 'video' || f.type === 'image',
      ) && <MediaUpload projectId={project.id} />}
      {project.interface.fields.some((f) => f.type === 'responses') && (
        <GeneratePanel project={project} onEnded={onImported} />
      )}
    </div>
  );
}
