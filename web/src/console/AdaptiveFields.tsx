import { Field } from './Field.tsx';
import { messagesAt, type PathError } from './pathErrors.ts';
import type { SettingsDraft } from './settings.ts';

/**
 * The adaptive overlap setting (docs/quality.md, "Adaptive overlap"): on, each item gets the
 * overlap first and one more annotator at a time while its answers disagree, up to the maximum.
 */
export function AdaptiveFields(props: {
  value: SettingsDraft;
  set(patch: Partial<SettingsDraft>): void;
  errors: readonly PathError[];
}) {
  const { value: v, set, errors } = props;
  return (
    <>
      <label className="check">
        <input
          type="checkbox"
          checked={v.adaptive ?? false}
          onChange={(e) => set({ adaptive: e.target.checked })}
        />
        Adaptive overlap: more annotators only for items whose answers disagree
      </label>
      {v.adaptive && (
        <div className="editor-grid">
          <Field
            label="Annotators per item: maximum"
            hint="A disputed item gets one more annotator at a time, up to this many."
            errors={messagesAt(errors, 'adaptiveOverlap.max')}
            path="adaptiveOverlap.max"
          >
            {(c) => (
              <input
                {...c}
                type="number"
                min={2}
                max={100}
                value={v.adaptiveMax ?? ''}
                onChange={(e) => set({ adaptiveMax: e.target.value })}
              />
            )}
          </Field>
          <Field
            label="Disagreement threshold"
            hint="0 to 1: once an item's answers are in, a disagreement score above this asks for one more (0.3: about one pair in three differs)."
            errors={messagesAt(errors, 'adaptiveOverlap.threshold')}
            path="adaptiveOverlap.threshold"
          >
            {(c) => (
              <input
                {...c}
                type="number"
                min={0}
                max={1}
                step="any"
                value={v.adaptiveThreshold ?? ''}
                onChange={(e) => set({ adaptiveThreshold: e.target.value })}
              />
            )}
          </Field>
        </div>
      )}
    </>
  );
}
