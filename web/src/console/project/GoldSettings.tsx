import { useState } from 'react';
import type { Project } from '../../../../core/api/projects.ts';
import { SaveControls } from '../../ui/SaveControls.tsx';
import { type ControlProps, Field } from '../Field.tsx';
import { messagesAt } from '../pathErrors.ts';
import { checkGold, type GoldDraft, type GoldSettingsValue, goldDraftOf } from './gold-form.ts';
import { useProjectSave } from './useProjectSave.ts';

const NONE: GoldSettingsValue = { warmup: 0, rate: 0, bar: null, questions: {} };

/**
 * The project's gold settings (docs/quality.md): the warm-up, the rate, and the quality bar.
 * Saved on their own; per-question scoring options are kept as they are (set through the API).
 */
export function GoldSettings({ project, onSaved }: { project: Project; onSaved(p: Project): void }) {
  const before = (project.gold as GoldSettingsValue | null) ?? NONE;
  const [draft, setDraft] = useState<GoldDraft>(() => goldDraftOf(before));
  const { errors, error, notice, submit } = useProjectSave(project, onSaved);
  const set = (patch: Partial<GoldDraft>) => setDraft({ ...draft, ...patch });
  const save = submit(() => {
    const checked = checkGold(draft, before);
    return checked.ok ? { ok: true, value: { gold: checked.value } } : checked;
  }, 'Gold settings saved.');
  const number = (value: string, onChange: (v: string) => void) => (c: ControlProps) => (
    <input {...c} type="number" step="any" value={value} onChange={(e) => onChange(e.target.value)} />
  );
  return (
    <section className="stack" aria-labelledby="gold-settings-title">
      <h2 id="gold-settings-title">Gold items</h2>
      <p className="muted">
        Items imported with <code>"gold"</code> answers are served like any other item; annotators cannot tell
        them apart.
      </p>
      <form className="stack" onSubmit={save} noValidate>
        <div className="editor-grid">
          <Field
            label="Warm-up (gold items first)"
            hint="The first items of each annotator's work that are gold."
            errors={messagesAt(errors, 'gold.warmup')}
            path="gold.warmup"
          >
            {number(draft.warmup, (warmup) => set({ warmup }))}
          </Field>
          <Field
            label="Gold rate after the warm-up (%)"
            hint="10 serves one gold item in ten."
            errors={messagesAt(errors, 'gold.rate')}
            path="gold.rate"
          >
            {number(draft.ratePercent, (ratePercent) => set({ ratePercent }))}
          </Field>
        </div>
        <label className="check">
          <input type="checkbox" checked={draft.barOn} onChange={(e) => set({ barOn: e.target.checked })} />
          Pause annotators whose gold accuracy falls below a bar
        </label>
        {draft.barOn && (
          <div className="editor-grid">
            <Field
              label="Minimum accuracy (%)"
              errors={messagesAt(errors, 'gold.bar.minAccuracy')}
              path="gold.bar.minAccuracy"
            >
              {number(draft.minAccuracyPercent, (minAccuracyPercent) => set({ minAccuracyPercent }))}
            </Field>
            <Field
              label="After this many scored gold items"
              errors={messagesAt(errors, 'gold.bar.after')}
              path="gold.bar.after"
            >
              {number(draft.after, (after) => set({ after }))}
            </Field>
          </div>
        )}
        <SaveControls label="Save gold settings" error={error} notice={notice} />
      </form>
    </section>
  );
}
