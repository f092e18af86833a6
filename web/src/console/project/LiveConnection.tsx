import { type FormEvent, useEffect, useState } from 'react';
import type { Project } from '../../../../core/api/projects.ts';
import { call } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/Alert.tsx';
import { SelectInput } from '../builder/inputs.tsx';

type Connection = Awaited<ReturnType<typeof call<'getLiveConnection'>>>;

/**
 * Which model connection the project's live questions talk to (docs/live.md): a project setting,
 * not part of the interface. Shown when the interface asks a live question or one is set.
 */
export function LiveConnectionSection({ project }: { project: Project }) {
  const [loaded, setLoaded] = useState<Connection | null>(null);
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const controller = new AbortController();
    call('getLiveConnection', { params: { projectId: project.id }, signal: controller.signal }).then(
      (c) => {
        setLoaded(c);
        setChosen(c.connectionId === null ? '' : String(c.connectionId));
      },
      (err: unknown) => {
        if (!controller.signal.aborted) setError(err);
      },
    );
    return () => controller.abort();
  }, [project.id]);
  const asksLive = project.interface.questions.some((q) => q.type === 'live');
  if (!loaded) return error ? <ErrorAlert error={error} /> : null;
  if (!asksLive && loaded.connectionId === null) return null;
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setNotice('');
    try {
      const connectionId = chosen === '' ? null : Number(chosen);
      const saved = await call('setLiveConnection', {
        params: { projectId: project.id },
        body: { connectionId },
      });
      setLoaded(saved);
      setNotice(
        saved.name ? `Live questions now talk with ${saved.name}.` : 'Live questions have no model now.',
      );
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const options = [
    ['', 'None'] as const,
    ...loaded.choices.map((c) => [String(c.id), `${c.name} (${c.model})`] as const),
  ];
  return (
    <section className="stack" aria-labelledby="live-connection-title">
      <h2 id="live-connection-title">Live chat model</h2>
      <p className="muted">
        The model connection tutors talk with in this project's live questions. An admin adds connections.
      </p>
      <form className="stack" onSubmit={save} noValidate>
        <SelectInput
          label="Model connection"
          path="liveConnection"
          value={chosen}
          options={options}
          errors={[]}
          onChange={setChosen}
        />
        <ErrorAlert error={error} />
        <p role="status" className="ok-text">
          {notice}
        </p>
        <button type="submit" className="self-start" disabled={busy}>
          {busy ? 'Saving…' : 'Save live chat model'}
        </button>
      </form>
    </section>
  );
}
