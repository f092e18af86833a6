import { type FormEvent, useState } from 'react';
import type { Project } from '../../../../core/api/projects.ts';
import { call } from '../../api/client.ts';
import { navigate } from '../../app/router.tsx';
import { ErrorAlert } from '../../ui/Alert.tsx';
import { Field } from '../Field.tsx';
import { apiPathErrors } from '../pathErrors.ts';

/**
 * A new project for the next batch: this one's interface (as version 1), guidelines, settings,
 * members and invitations, and on request its items (never their annotations).
 */
export function DuplicateProject({ project }: { project: Project }) {
  const [name, setName] = useState(() => `${project.name} (copy)`.slice(0, 200));
  const [items, setItems] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const nameErrors = apiPathErrors(error, 'body.')
    .filter((e) => e.path === 'name')
    .map((e) => e.message);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const copy = await call('duplicateProject', {
        params: { projectId: project.id },
        body: { name, items },
      });
      if (copy) navigate(`/projects/${copy.id}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="stack" aria-labelledby="duplicate-title">
      <h2 id="duplicate-title">Duplicate project</h2>
      <p className="muted">
        Starts a new project with this one's interface, guidelines, settings, members and invitations.
      </p>
      <form className="stack" onSubmit={submit} noValidate>
        <Field label="Name of the copy" errors={nameErrors}>
          {(control) => (
            <input {...control} type="text" value={name} onChange={(e) => setName(e.target.value)} />
          )}
        </Field>
        <label className="row">
          <input type="checkbox" checked={items} onChange={(e) => setItems(e.target.checked)} />
          Copy the items too (without their annotations)
        </label>
        {nameErrors.length === 0 && <ErrorAlert error={error} />}
        <button type="submit" className="self-start" disabled={busy}>
          {busy ? 'Duplicating…' : 'Duplicate project'}
        </button>
      </form>
    </section>
  );
}
