import { useState } from 'react';
import type { Project } from '../../../../core/api/projects.ts';
import { SaveControls } from '../../ui/SaveControls.tsx';
import { CheckInput, NumberInput } from '../builder/inputs.tsx';
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
  return (
    <section className="stack" aria-labelledby="gold-settings-title">
      <h2 id="gold-settings-title">Gold items</h2>
      <p className="muted">
        Items imported with <code>"gold"</code> answers are served like any other item; annotators cannot tell
        them apart.
      </p>
      <form className="stack" onSubmit={save} noValidate>
        <div className="editor-grid">
          <NumberInput
            label="Warm-up (gold items first)"
            hint="The first items of each annotator's work that are gold."
            path="gold.warmup"
            errors={messagesAt(errors, 'gold.warmup')}
            step="any"
            value={draft.warmup}
            onChange={(warmup) => set({ warmup })}
          />
          <NumberInput
            label="Gold rate after the warm-up (%)"
            hint="10 serves one gold item in ten."
            path="gold.rate"
            errors={messagesAt(errors, 'gold.rate')}
            step="any"
            value={draft.ratePercent}
            onChange={(ratePercent) => set({ ratePercent })}
          />
        </div>
        <CheckInput
          label="Pause annotators whose gold accuracy falls below a bar"
          checked={draft.barOn}
          onChange={(barOn) => set({ barOn })}
        />
        {draft.barOn && (
          <div className="editor-grid">
            <NumberInput
              label="Minimum accuracy (%)"
              path="gold.bar.minAccuracy"
              errors={messagesAt(errors, 'gold.bar.minAccuracy')}
              step="any"
              value={draft.minAccuracyPercent}
              onChange={(minAccuracyPercent) => set({ minAccuracyPercent })}
            />
            <NumberInput
              label="After this many scored gold items"
              path="gold.bar.after"
              errors={messagesAt(errors, 'gold.bar.after')}
              step="any"
              value={draft.after}
              onChange={(after) => set({ after })}
            />
          </div>
        )}
        <SaveControls label="Save gold settings" error={error} notice={notice} />
      </form>
    </section>
  );
}
