import { useDeferredValue } from 'react';
import type { SuggestionsMode } from '../../../core/suggestions.ts';
import { GuidelinesText } from '../work/GuidelinesText.tsx';
import { AdaptiveFields } from './AdaptiveFields.tsx';
import { CheckInput, NumberInput, SelectInput } from './builder/inputs.tsx';
import { Field } from './Field.tsx';
import { messagesAt, type PathError } from './pathErrors.ts';
import type { ReviewMode, SettingsDraft } from './settings.ts';

const ITEM_ORDERS = [
  ['sequential', 'Sequential (priority, then import order)'],
  ['random', 'Random'],
] as const;
const SUGGESTIONS = [
  ['best', 'The best-scored prediction of each item'],
  ['agent', "One agent's predictions"],
  ['off', 'Off'],
] as const;
const REVIEW_MODES = [
  ['none', 'No review'],
  ['sample', "A sample of each annotator's work"],
  ['all', 'Every submission'],
] as const;

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
        <NumberInput
          label={v.adaptive ? 'Annotators per item: minimum (overlap)' : 'Annotators per item (overlap)'}
          hint="How many different people must submit each item."
          path="overlap"
          errors={messagesAt(errors, 'overlap')}
          min={1}
          max={100}
          value={v.overlap}
          onChange={(overlap) => set({ overlap })}
        />
        <NumberInput
          label="Lock time (minutes)"
          hint="How long an item stays reserved for an annotator who stops saving: 0.5 to 1440."
          path="lockTtlSeconds"
          errors={messagesAt(errors, 'lockTtlSeconds')}
          min={0.5}
          max={1440}
          step="any"
          value={v.lock}
          onChange={(lock) => set({ lock })}
        />
        <SelectInput
          label="Item order"
          path="itemOrder"
          errors={messagesAt(errors, 'itemOrder')}
          value={v.itemOrder}
          options={ITEM_ORDERS}
          onChange={(itemOrder) => set({ itemOrder: itemOrder as SettingsDraft['itemOrder'] })}
        />
      </div>
      <CheckInput
        label="Annotators may reopen and edit their submitted work"
        checked={v.allowEditSubmitted}
        onChange={(allowEditSubmitted) => set({ allowEditSubmitted })}
      />
      <AdaptiveFields value={v} set={set} errors={errors} />
      <CheckInput
        label="Model judges count in the consensus (by default only people's answers do)"
        checked={v.judgeInConsensus ?? false}
        onChange={(judgeInConsensus) => set({ judgeInConsensus })}
      />
      <div className="editor-grid">
        <SelectInput
          label="Suggestions"
          hint="Answers filled in from the items' predictions, for annotators to accept or change. Annotators never see who suggested them unless the project reveals models."
          path="suggestions.mode"
          errors={messagesAt(errors, 'suggestions.mode')}
          value={v.suggestionsMode ?? 'best'}
          options={SUGGESTIONS}
          onChange={(mode) => set({ suggestionsMode: mode as SuggestionsMode })}
        />
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
        <SelectInput
          label="Review"
          hint="Submissions reviewers check: accept, reject with a comment (back to the annotator) or fix. A sample takes each annotator's first submission and then the same share of everyone's."
          path="review.mode"
          errors={messagesAt(errors, 'review.mode')}
          value={v.reviewMode ?? 'none'}
          options={REVIEW_MODES}
          onChange={(mode) => set({ reviewMode: mode as ReviewMode })}
        />
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
