import { useState } from 'react';
import type { Project } from '../../../../core/api/projects.ts';
import { AdjudicationSettings } from '../../adjudication/AdjudicationSettings.tsx';
import { isManager, useUser } from '../../app/session.tsx';
import { SaveControls } from '../../ui/SaveControls.tsx';
import { SettingsFields } from '../SettingsFields.tsx';
import { checkSettings, settingsOf } from '../settings.ts';
import { SkillSettings } from '../skills/SkillSettings.tsx';
import { AssessmentSettings } from './AssessmentSettings.tsx';
import { DuplicateProject } from './DuplicateProject.tsx';
import { GoldSettings } from './GoldSettings.tsx';
import { LiveConnectionSection } from './LiveConnection.tsx';
import { PaySettings } from './PaySettings.tsx';
import { useProjectSave } from './useProjectSave.ts';

/** Edit the project's settings (the interface has its own tab); admins and managers can duplicate it. */
export function SettingsTab({ project, onSaved }: { project: Project; onSaved(p: Project): void }) {
  const user = useUser();
  const [draft, setDraft] = useState(() => settingsOf(project));
  const { errors, error, notice, busy, submit } = useProjectSave(project, onSaved);
  const save = submit(
    () => checkSettings(draft),
    'Settings saved.',
    (saved) => setDraft(settingsOf(saved)),
  );
  return (
    <div className="stack">
      <section className="stack" aria-labelledby="settings-title">
        <h2 id="settings-title">Settings</h2>
        <form className="stack" onSubmit={save} noValidate>
          <SettingsFields value={draft} onChange={setDraft} errors={errors} />
          <SaveControls label="Save settings" error={error} notice={notice} busy={busy} primary />
        </form>
      </section>
      <GoldSettings project={project} onSaved={onSaved} />
      <AssessmentSettings project={project} onSaved={onSaved} />
      <AdjudicationSettings project={project} onSaved={onSaved} />
      <PaySettings project={project} onSaved={onSaved} />
      <SkillSettings project={project} onSaved={onSaved} />
      <LiveConnectionSection project={project} />
      {isManager(user) && <DuplicateProject project={project} />}
    </div>
  );
}
