import { useState } from 'react';
import type { Project } from '../../../../core/api/projects.ts';
import { SaveControls } from '../../ui/SaveControls.tsx';
import { CheckInput, NumberInput, SelectInput, TextInput } from '../builder/inputs.tsx';
import { messagesAt } from '../pathErrors.ts';
import { type AssessmentDraft, assessmentDraftOf, checkAssessment } from './assessment-form.ts';
import { useProjectSave } from './useProjectSave.ts';

/**
 * Whether the project is a qualification test, and its terms (docs/assessments.md): the skill and
 * level a pass grants, the pass mark, attempts, the cool-down and who may enrol. Saved on its own.
 */
export function AssessmentSettings({ project, onSaved }: { project: Project; onSaved(p: Project): void }) {
  const [draft, setDraft] = useState<AssessmentDraft>(() => assessmentDraftOf(project.assessment));
  const { errors, error, notice, submit } = useProjectSave(project, onSaved);
  const set = (patch: Partial<AssessmentDraft>) => setDraft({ ...draft, ...patch });
  const save = submit(() => {
    const checked = checkAssessment(draft);
    return checked.ok ? { ok: true, value: { assessment: checked.value } } : checked;
  }, 'Assessment saved.');
  return (
    <section className="stack" aria-labelledby="assessment-settings-title">
      <h2 id="assessment-settings-title">Assessment</h2>
      <p className="muted">
        A qualification test: its gold items are the questions, every tutor answers each once per attempt, and
        a pass grants a skill.
      </p>
      <form className="stack" onSubmit={save} noValidate>
        <CheckInput label="This project is an assessment" checked={draft.on} onChange={(on) => set({ on })} />
        {draft.on && (
          <>
            <div className="editor-grid">
              <TextInput
                label="Skill a pass grants"
                hint="A name from the skills catalogue, such as math.algebra."
                path="assessment.skill"
                errors={messagesAt(errors, 'assessment.skill')}
                value={draft.skill}
                onChange={(skill) => set({ skill })}
              />
              <SelectInput
                label="Level"
                path="assessment.level"
                errors={messagesAt(errors, 'assessment.level')}
                value={draft.level}
                options={[
                  ['1', '1'],
                  ['2', '2'],
                  ['3', '3'],
                ]}
                onChange={(level) => set({ level })}
              />
              <NumberInput
                label="Pass mark (%)"
                path="assessment.passMark"
                errors={messagesAt(errors, 'assessment.passMark')}
                step="any"
                value={draft.passMarkPercent}
                onChange={(passMarkPercent) => set({ passMarkPercent })}
              />
              <NumberInput
                label="Attempts per tutor"
                path="assessment.maxAttempts"
                errors={messagesAt(errors, 'assessment.maxAttempts')}
                step="any"
                value={draft.maxAttempts}
                onChange={(maxAttempts) => set({ maxAttempts })}
              />
              <NumberInput
                label="Hours between attempts"
                path="assessment.cooldownHours"
                errors={messagesAt(errors, 'assessment.cooldownHours')}
                step="any"
                value={draft.cooldownHours}
                onChange={(cooldownHours) => set({ cooldownHours })}
              />
            </div>
            <CheckInput
              label="Open to every tutor (otherwise the project's members only)"
              checked={draft.openToAll}
              onChange={(openToAll) => set({ openToAll })}
            />
          </>
        )}
        <SaveControls label="Save assessment" error={error} notice={notice} />
      </form>
    </section>
  );
}
