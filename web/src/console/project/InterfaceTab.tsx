import { useMemo, useState } from 'react';
import { ApiError } from '../../../../core/api/client-errors.ts';
import { InterfaceChangeDetails, type Project } from '../../../../core/api/projects.ts';
import { parseInterface } from '../../../../core/interface/index.ts';
import { call } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/Alert.tsx';
import { fromRaw, type InterfaceDraft, toRaw } from '../builder/draft.ts';
import { InterfaceBuilder } from '../builder/InterfaceBuilder.tsx';
import { Preview } from '../builder/Preview.tsx';
import { apiPathErrors, stripPath } from '../pathErrors.ts';
import { InterfaceChangeDialog } from './InterfaceChangeDialog.tsx';

/**
 * Edit the interface of a running project with the same builder as at creation. A safe change is
 * saved at once as the next version; a breaking one first shows what it changes and how many
 * answers it affects (the server's count), and is saved only when confirmed.
 */
export function InterfaceTab({ project, onSaved }: { project: Project; onSaved(p: Project): void }) {
  const [draft, setDraft] = useState<InterfaceDraft>(() => fromRaw(project.interface));
  const raw = useMemo(() => toRaw(draft), [draft]);
  const checked = useMemo(() => parseInterface(raw), [raw]);
  const [pending, setPending] = useState<InterfaceChangeDetails | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const version = project.interface.version;
  const errors = [
    ...(checked.ok
      ? []
      : checked.errors.map((e) => ({ path: e.path, message: stripPath(e.path, e.message) }))),
    ...apiPathErrors(error, 'body.interface.'),
  ];

  const save = async (confirm: boolean) => {
    if (!checked.ok) return;
    setBusy(true);
    setError(null);
    setNotice('');
    try {
      // The version we edited from: the server refuses the edit if someone saved another since.
      const body = { interface: { ...checked.value, version }, ...(confirm ? { confirm: true } : {}) };
      const saved = await call('updateProject', { params: { projectId: project.id }, body });
      setPending(null);
      if (saved) {
        onSaved(saved);
        setNotice(
          saved.interface.version === version
            ? `Nothing changed; the interface stays at version ${version}.`
            : `Saved as version ${saved.interface.version}.`,
        );
      }
    } catch (err) {
      const details =
        err instanceof ApiError && err.code === 'INTERFACE_CHANGE_NEEDS_CONFIRMATION'
          ? InterfaceChangeDetails.safeParse(err.details)
          : undefined;
      if (details?.success) setPending(details.data);
      else {
        setPending(null);
        setError(err);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="stack">
      <p className="muted">
        Version {version}. Adding questions, options or labels and editing texts applies at once; removing or
        renaming them, changing a type or tightening a limit first shows how many answers it affects. Answers
        keep the version they were given under.
      </p>
      <div className="builder-layout">
        <InterfaceBuilder draft={draft} onChange={setDraft} errors={errors} />
        <Preview
          iface={checked.ok ? checked.value : null}
          problems={checked.ok ? 0 : checked.errors.length}
        />
      </div>
      <ErrorAlert error={error} />
      <p role="status" className="ok-text">
        {notice}
      </p>
      <button
        type="button"
        className="primary self-start"
        disabled={busy || !checked.ok}
        onClick={() => save(false)}
      >
        {busy ? 'Saving…' : 'Save interface'}
      </button>
      <InterfaceChangeDialog
        details={pending}
        busy={busy}
        onConfirm={() => save(true)}
        onCancel={() => setPending(null)}
      />
    </div>
  );
}
