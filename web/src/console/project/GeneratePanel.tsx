import { type FormEvent, useState } from 'react';
import type { Project } from '../../../../core/api/projects.ts';
import { call } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/Alert.tsx';
import { Field } from '../Field.tsx';
import { JobProgress } from '../jobs/JobProgress.tsx';
import { apiPathErrors } from '../pathErrors.ts';
import { useLoad } from '../useLoad.ts';

type Mode = 'same' | 'new';

/**
 * Generate candidates (docs/generation.md): K candidates per prompt item from a model connection,
 * into the items awaiting them or into new items of a target project. Starting it starts a
 * background job, whose bar is shown here until it ends; then `onEnded` (the project's counts
 * are read again).
 */
export function GeneratePanel({ project, onEnded }: { project: Project; onEnded?: () => void }) {
  // The connections the project's managers may choose (id, name and model; never more).
  const connections = useLoad(
    async (signal) =>
      (await call('listConnectionChoices', { params: { projectId: project.id }, signal }))?.items ?? [],
    `connections-${project.id}`,
  );
  const projects = useLoad(
    async (signal) => (await call('listProjects', { query: { limit: 500 }, signal }))?.items ?? [],
    'projects',
  );
  const [connection, setConnection] = useState('');
  const [candidates, setCandidates] = useState('2');
  const [mode, setMode] = useState<Mode>('same');
  const [target, setTarget] = useState(String(project.id));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [jobId, setJobId] = useState<number | null>(null);
  const errorsAt = (path: string) =>
    apiPathErrors(error, 'body.')
      .filter((e) => e.path === path)
      .map((e) => e.message);
  const listed = connections.data ?? [];
  const chosen = connection || (listed.length > 0 ? String(listed[0]!.id) : '');
  const awaiting = project.progress.awaiting;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const started = await call('generateCandidates', {
        params: { projectId: project.id },
        body: {
          connection: listed.length > 0 ? Number(chosen) : chosen.trim(),
          candidates: Number(candidates),
          mode,
          ...(mode === 'new' ? { targetProjectId: Number(target) } : {}),
        },
      });
      if (started) setJobId(started.jobId);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const fieldErrors = ['candidates', 'connection', 'targetProjectId', 'field', 'promptField'].flatMap(
    errorsAt,
  );
  return (
    <section className="stack" aria-labelledby="generate-title">
      <h2 id="generate-title">Generate candidates</h2>
      <p className="muted">
        A model writes the candidate answers: into the {awaiting.toLocaleString()} item
        {awaiting === 1 ? '' : 's'} awaiting them, or into new items made from every item of this project.
      </p>
      <form className="stack" onSubmit={submit} noValidate>
        {connections.data === undefined && !connections.error ? (
          <p className="muted">Loading the model connections…</p>
        ) : listed.length > 0 ? (
          <Field label="Model connection" errors={errorsAt('connection')}>
            {(control) => (
              <select {...control} value={chosen} onChange={(e) => setConnection(e.target.value)}>
                {listed.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name} ({c.model})
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : (
          <Field
            label="Model connection"
            hint="Its name, as an admin added it."
            errors={errorsAt('connection')}
          >
            {(control) => (
              <input
                {...control}
                type="text"
                value={connection}
                onChange={(e) => setConnection(e.target.value)}
              />
            )}
          </Field>
        )}
        <Field
          label="Candidates per item"
          hint="1 to 16; they must fit the questions."
          errors={errorsAt('candidates')}
        >
          {(control) => (
            <input
              {...control}
              type="number"
              min={1}
              max={16}
              value={candidates}
              onChange={(e) => setCandidates(e.target.value)}
            />
          )}
        </Field>
        <fieldset className="stack-tight">
          <legend>Where the candidates go</legend>
          <label className="row">
            <input
              type="radio"
              name="generate-mode"
              checked={mode === 'same'}
              onChange={() => setMode('same')}
            />
            Into the items awaiting candidates
          </label>
          <label className="row">
            <input
              type="radio"
              name="generate-mode"
              checked={mode === 'new'}
              onChange={() => setMode('new')}
            />
            Into new items, one per item of this project
          </label>
        </fieldset>
        {mode === 'new' && (
          <Field label="Target project" errors={errorsAt('targetProjectId')}>
            {(control) => (
              <select {...control} value={target} onChange={(e) => setTarget(e.target.value)}>
                {(projects.data ?? [{ id: project.id, name: project.name }]).map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.id === project.id ? `${p.name} (this project)` : p.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        {fieldErrors.length === 0 && <ErrorAlert error={error} />}
        <button type="submit" className="primary self-start" disabled={busy || chosen.trim() === ''}>
          {busy ? 'Starting…' : 'Generate candidates'}
        </button>
      </form>
      {jobId !== null && <JobProgress jobId={jobId} {...(onEnded ? { onEnded: () => onEnded() } : {})} />}
    </section>
  );
}
