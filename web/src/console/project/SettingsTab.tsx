import { type FormEvent, useState } from 'react';
import type { Project } from '../../../../core/api/projects.ts';
import { AdjudicationSettings } from '../../adjudication/AdjudicationSettings.tsx';
import { call } from '../../api/client.ts';
import { isManager, useUser } from '../../app/session.tsx';
import { ErrorAlert } from '../../ui/Alert.tsx';
import { apiPathErrors, type PathError } from '../pathErrors.ts';
import { SettingsFields } from '../SettingsFields.tsx';
import { checkSettings, settingsOf } from '../settings.ts';
import { DuplicateProject } from './DuplicateProject.tsx';
import { GoldSettings } from './GoldSettings.tsx';
import { LiveConnectionSection } from './LiveConnection.tsx';
import { PaySettings } from './PaySettings.tsx';

/** Edit the project's settings (the interface has its own tab); admins and managers can duplicate it. */
export function SettingsTab({ project, onSaved }: { project: Project; onSaved(p: Project): void }) {
  const user = useUser();
  const [draft, setDraft] = useState(() => settingsOf(project));
  const [errors, setErrors] = useState<PathError[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setNotice('');
    const checked = checkSettings(draft);
    setErrors(checked.ok ? [] : checked.errors);
    if (!checked.ok) return;
    setBusy(true);
    try {
      const saved = await call('updateProject', { params: { projectId: project.id }, body: checked.value });
      if (saved) {
        onSaved(saved);
        setDraft(settingsOf(saved));
      }
      setNotice('Settings saved.');
    } catch (err) {
      setError(err);
      setErrors(apiPathErrors(err, 'body.'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="stack">
      <section className="stack" aria-labelledby="settings-title">
        <h2 id="settings-title">Settings</h2>
        <form className="stack" onSubmit={save} noValidate>
          <SettingsFields value={draft} onChange={setDraft} errors={errors} />
          <ErrorAlert error={error} />
          <p role="status" className="ok-text">
            {notice}
          </p>
          <button type="submit" className="primary self-start" disabled={busy}>
            {busy ? 'Saving…' : 'Save settings'}
          </button>
        </form>
      </section>
      <GoldSettings project={project} onSaved={onSaved} />
      <AdjudicationSettings project={project} onSaved={onSaved} />
      <PaySettings project={project} onSaved={onSaved} />
      <LiveConnectionSection project={project} />
      {isManager(user) && <DuplicateProject project={project} />}
    </div>
  );
}
