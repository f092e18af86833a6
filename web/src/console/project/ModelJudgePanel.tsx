import { useState } from 'react';
import { isolatedName } from '../../../../core/names.ts';
import { call } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/Alert.tsx';
import { Name } from '../../ui/Name.tsx';
import { Field } from '../Field.tsx';
import { JobProgress } from '../jobs/JobProgress.tsx';
import { useLoad } from '../useLoad.ts';

/**
 * A project's model judges (docs/judge.md): pick a model connection, make it a judge (its account
 * joins as an annotator that never signs in and takes no person's place), run it over every item
 * with a progress bar, or have the model suggest answers instead. For the project's managers.
 */
export function ModelJudgePanel({ projectId, onChanged }: { projectId: number; onChanged(): void }) {
  const loaded = useLoad(async (signal) => {
    const [choices, judges] = await Promise.all([
      call('listConnectionChoices', { params: { projectId }, signal }),
      call('listJudges', { params: { projectId }, signal }),
    ]);
    return { connections: choices!.items, judges: judges!.items };
  }, `judges${projectId}`);
  const [picked, setPicked] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const [job, setJob] = useState<{ id: number; what: string } | null>(null);

  const connections = loaded.data?.connections ?? [];
  const judges = loaded.data?.judges ?? [];
  const connection = connections.find((c) => String(c.id) === picked) ?? connections[0];

  const act = async (action: () => Promise<string>) => {
    setError(null);
    setNotice('');
    try {
      setNotice(await action());
      loaded.reload();
    } catch (err) {
      setError(err);
    }
  };
  const add = () =>
    act(async () => {
      if (!connection) return '';
      const j = await call('addJudge', { params: { projectId }, body: { connection: connection.id } });
      onChanged();
      return `${isolatedName(j!.name)} is a judge of this project.`;
    });
  const run = (userId: number, name: string) =>
    act(async () => {
      const started = await call('runJudge', { params: { projectId, userId }, body: {} });
      setJob({ id: started!.jobId, what: `${isolatedName(name)} judging` });
      return `${isolatedName(name)} is answering every item.`;
    });
  const suggest = () =>
    act(async () => {
      if (!connection) return '';
      const started = await call('suggest', { params: { projectId }, body: { connection: connection.id } });
      setJob({ id: started!.jobId, what: `Suggestions from ${isolatedName(connection.name)}` });
      return `${isolatedName(connection.name)} is suggesting answers for every item.`;
    });

  return (
    <section className="stack card" aria-labelledby="judge-title">
      <h2 id="judge-title">Model judge</h2>
      <p className="muted">
        A model connection can answer this project&rsquo;s pairwise, rating and choice questions as a judge.
        Its answers are kept apart from people&rsquo;s: they take nobody&rsquo;s place, and statistics and
        training exports leave them out unless asked. Suggestions pre-fill answers for annotators instead.
      </p>
      {loaded.data && connections.length === 0 && (
        <p className="muted">No model connection yet: an admin adds one under Models.</p>
      )}
      {connections.length > 0 && (
        <div className="row align-end">
          <Field label="Model connection">
            {(c) => (
              <select
                {...c}
                value={connection ? String(connection.id) : ''}
                onChange={(e) => setPicked(e.target.value)}
              >
                {connections.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name} ({m.model})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="button" className="primary" onClick={() => void add()}>
            Add as judge
          </button>
          <button type="button" onClick={() => void suggest()}>
            Suggest with a model
          </button>
        </div>
      )}
      <ErrorAlert error={error ?? loaded.error} />
      <p role="status">{notice}</p>
      {judges.length > 0 && (
        <ul className="stack-tight" aria-label="Judges">
          {judges.map((j) => (
            <li key={j.userId} className="row">
              <Name text={j.name} /> <span className="status status-model">model</span>
              {j.status === 'suspended' && <span className="status status-suspended">suspended</span>}
              <button
                type="button"
                onClick={() => void run(j.userId, j.name)}
                disabled={j.status !== 'active'}
              >
                Run<span className="visually-hidden"> {isolatedName(j.name)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {job && (
        <div className="stack-tight">
          <p>{job.what}</p>
          <JobProgress jobId={job.id} />
        </div>
      )}
    </section>
  );
}
