import { useDeferredValue } from 'react';
import { GuidelinesText } from '../work/GuidelinesText.tsx';
import { Field } from './Field.tsx';
import './builder/builder.css';
import type { SuggestionsMode } from '../../../core/suggestions.ts';
import { AdaptiveFields } from './AdaptiveFields.tsx';
import { messagesAt, type PathError } from './pathErrors.ts';
import type { ReviewMode, SettingsDraft } from './settings.ts';

/**
 * The project settings inputs, shared by the create form and the settings tab. The guidelines
 * have a live preview, rendered by the same component as the annotators' guidelines panel.
 */
export function SettingsFields(props: {
  value: SettingsDraft;
  onChange(v: SettingsDraft): void;
  errors: readonly PathError[];
}) {
  const { value: v, errors } = props;
  const set = (patch: Partial<SettingsDraft>) => props.onChange({ ...v, ...patch });
  // Typing stays quick on a long text: the preview follows when the browser has a moment.
  const guidelines = useDeferredValue(v.guidelines);
  return (
    <div className="stack">
      <Field label="Name" errors={messagesAt(errors, 'name')} path="name">
        {(c) => (
          <input {...c} value={v.name} maxLength={200} onChange={(e) => set({ name: e.target.value })} />
        )}
      </Field>
      <Field
        label="Guidelines (Markdown)"
        hint="Shown to annotators beside every item. Markdown, maths ($x^2$) and code blocks work."
        errors={messagesAt(errors, 'guidelines')}
        path="guidelines"
      >
        {(c) => (
          <textarea
            {...c}
            rows={8}
            value={v.guidelines}
            onChange={(e) => set({ guidelines: e.target.value })}
          />
        )}
      </Field>
      <section className="guidelines-preview" aria-labelledby="guidelines-preview-title">
        <h3 id="guidelines-preview-title">Guidelines as annotators see them</h3>
        <GuidelinesText source={guidelines} empty="No guidelines yet." />
      </section>
      <div className="editor-grid">
        <Field
          label={v.adaptive ? 'Annotators per item: minimum (overlap)' : 'Annotators per item (overlap)'}
          hint="How many different people must submit each item."
          errors={messagesAt(errors, 'overlap')}
          path="overlap"
        >
          {(c) => (
            <input
              {...c}
              type="number"
              min={1}
              max={100}
              value={v.overlap}
              onChange={(e) => set({ overlap: e.target.value })}
            />
          )}
        </Field>
        <Field
          label="Lock time (minutes)"
          hint="How long an item stays reserved for an annotator who stops saving: 0.5 to 1440."
          errors={messagesAt(errors, 'lockTtlSeconds')}
          path="lockTtlSeconds"
        >
          {(c) => (
            <input
              {...c}
              type="number"
              min={0.5}
              max={1440}
              step="any"
              value={v.lock}
              onChange={(e) => set({ lock: e.target.value })}
            />
          )}
        </Field>
        <Field label="Item order" errors={messagesAt(errors, 'itemOrder')} path="itemOrder">
          {(c) => (
            <select
              {...c}
              value={v.itemOrder}
              onChange={(e) => set({ itemOrder: e.target.value as SettingsDraft['itemOrder'] })}
            >
              <option value="sequential">Sequential (priority, then import order)</option>
              <option value="random">Random</option>
            </select>
          )}
        </Field>
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={v.allowEditSubmitted}
          onChange={(e) => set({ allowEditSubmitted: e.target.checked })}
        />
        Annotators may reopen and edit their submitted work
      </label>
      <AdaptiveFields value={v} set={set} errors={errors} />
      <label className="check">
        <input
          type="checkbox"
          checked={v.judgeInConsensus ?? false}
          onChange={(e) => set({ judgeInConsensus: e.target.checked })}
        />
        Model judges count in the consensus (by default only people's answers do)
      </label>
      <div className="editor-grid">
        <Field
          label="Suggestions"
          hint="Answers filled in from the items' predictions, for annotators to accept or change. Annotators never see who suggested them unless the project reveals models."
          errors={messagesAt(errors, 'suggestions.mode')}
          path="suggestions.mode"
        >
          {(c) => (
            <select
              {...c}
              value={v.suggestionsMode ?? 'best'}
              onChange={(e) => set({ suggestionsMode: e.target.value as SuggestionsMode })}
            >
              <option value="best">The best-scored prediction of each item</option>
              <option value="agent">One agent's predictions</option>
              <option value="off">Off</option>
            </select>
          )}
        </Field>
        {v.suggestionsMode === 'agent' && (
          <Field
            label="Agent"
            hint="The agent name as the predictions give it."
            errors={messagesAt(errors, 'suggestions.agent')}
            path="suggestions.agent"
          >
            {(c) => (
              <input
                {...c}
                value={v.suggestionsAgent ?? ''}
                maxLength={200}
                onChange={(e) => set({ suggestionsAgent: e.target.value })}
              />
            )}
          </Field>
        )}
      </div>
      <div className="editor-grid">
        <Field
          label="Review"
          hint="Submissions reviewers check: accept, reject with a comment (back to the annotator) or fix. A sample takes each annotator's first submission and then the same share of everyone's."
          errors={messagesAt(errors, 'review.mode')}
          path="review.mode"
        >
          {(c) => (
            <select
              {...c}
              value={v.reviewMode ?? 'none'}
              onChange={(e) => set({ reviewMode: e.target.value as ReviewMode })}
            >
              <option value="none">No review</option>
              <option value="sample">A sample of each annotator's work</option>
              <option value="all">Every submission</option>
            </select>
          )}
        </Field>
        {v.reviewMode === 'sample' && (
          <Field label="Sampled (%)" errors={messagesAt(errors, 'review.percent')} path="review.percent">
            {(c) => (
              <input
                {...c}
                inputMode="numeric"
                value={v.reviewPercent ?? '10'}
                onChange={(e) => set({ reviewPercent: e.target.value })}
              />
            )}
          </Field>
        )}
      </div>
    </div>
  );
}
