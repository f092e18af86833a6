import { useState } from 'react';
import type { Project } from '../../../../core/api/projects.ts';
import { call } from '../../api/client.ts';
import { SaveControls } from '../../ui/SaveControls.tsx';
import { Field } from '../Field.tsx';
import { messagesAt } from '../pathErrors.ts';
import { useProjectSave } from '../project/useProjectSave.ts';
import { useLoad } from '../useLoad.ts';
import { parseRequirements, requirementsText } from './skills-text.ts';

/** The skills every item of the project asks for (docs/skills.md), saved on its own. */
export function SkillSettings({ project, onSaved }: { project: Project; onSaved(p: Project): void }) {
  const [text, setText] = useState(() => requirementsText(project.requiredSkills));
  const catalogue = useLoad((signal) => call('listSkills', { signal }), 'skills');
  const { errors, error, notice, busy, submit } = useProjectSave(project, onSaved);
  const save = submit(
    () => {
      const parsed = parseRequirements(text);
      if (!parsed.ok) return { ok: false, errors: [{ path: 'requiredSkills', message: parsed.message }] };
      return { ok: true, value: { requiredSkills: parsed.value } };
    },
    'Required skills saved.',
    (saved) => setText(requirementsText(saved.requiredSkills)),
  );
  const names = catalogue.data?.items.map((s) => s.name) ?? [];
  return (
    <section className="stack" aria-labelledby="skill-settings-title">
      <h2 id="skill-settings-title">Required skills</h2>
      <p className="muted">
        Only annotators holding every skill at its level get this project's items: for example{' '}
        <code>math.algebra:2, physics:1</code>. Holding <code>math</code> at a level covers{' '}
        <code>math.algebra</code> unless they hold <code>math.algebra</code> itself. Items may ask for more in
        their import line.
      </p>
      <form className="stack" onSubmit={save} noValidate>
        <Field label="Skills and levels" errors={messagesAt(errors, 'requiredSkills')} path="requiredSkills">
          {(c) => (
            <input
              {...c}
              list="skill-names"
              value={text}
              placeholder="none"
              onChange={(e) => setText(e.target.value)}
            />
          )}
        </Field>
        <datalist id="skill-names">
          {names.map((n) => (
            <option key={n} value={n} />
          ))}
        </datalist>
        {names.length > 0 && <p className="muted">In the catalogue: {names.join(', ')}.</p>}
        <SaveControls label="Save required skills" error={error} notice={notice} busy={busy} />
      </form>
    </section>
  );
}
