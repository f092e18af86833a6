import { type FormEvent, useState } from 'react';
import type { CallInput } from '../../../../core/api/client.ts';
import type { Project } from '../../../../core/api/projects.ts';
import { call } from '../../api/client.ts';
import { apiPathErrors, type PathError } from '../pathErrors.ts';

type ProjectChange = NonNullable<CallInput<'updateProject'>['body']>;

/** A form's check before it asks the server: the change to send, or the problems in the form's words. */
export type CheckedChange = { ok: true; value: ProjectChange } | { ok: false; errors: PathError[] };

/**
 * The save of one project settings form (the settings tab has several, each saved on its own):
 * `submit` makes the form's submit handler, which checks the draft, sends the change and keeps
 * what the form shows of it: the problems by input (the browser's, then the server's), the error,
 * the notice once saved, and `busy` while the change is on its way.
 */
export function useProjectSave(project: Project, onSaved: (p: Project) => void) {
  const [errors, setErrors] = useState<PathError[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const submit =
    (check: () => CheckedChange, savedNotice: string, after?: (saved: Project) => void) =>
    async (e: FormEvent) => {
      e.preventDefault();
      setError(null);
      setNotice('');
      const checked = check();
      setErrors(checked.ok ? [] : checked.errors);
      if (!checked.ok) return;
      setBusy(true);
      try {
        const saved = await call('updateProject', { params: { projectId: project.id }, body: checked.value });
        if (saved) {
          onSaved(saved);
          after?.(saved);
        }
        setNotice(savedNotice);
      } catch (err) {
        setError(err);
        setErrors(apiPathErrors(err, 'body.'));
      } finally {
        setBusy(false);
      }
    };
  return { errors, error, notice, busy, submit };
}
