import { CheckInput, NumberInput } from './builder/inputs.tsx';
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
      <CheckInput
        label="Adaptive overlap: more annotators only for items whose answers disagree"
        checked={v.adaptive ?? false}
        onChange={(adaptive) => set({ adaptive })}
      />
      {v.adaptive && (
        <div className="editor-grid">
          <NumberInput
            label="Annotators per item: maximum"
            hint="A disputed item gets one more annotator at a time, up to this many."
            path="adaptiveOverlap.max"
            errors={messagesAt(errors, 'adaptiveOverlap.max')}
            min={2}
            max={100}
            value={v.adaptiveMax ?? ''}
            onChange={(adaptiveMax) => set({ adaptiveMax })}
          />
          <NumberInput
            label="Disagreement threshold"
            hint="0 to 1: once an item's answers are in, a disagreement score above this asks for one more (0.3: about one pair in three differs)."
            path="adaptiveOverlap.threshold"
            errors={messagesAt(errors, 'adaptiveOverlap.threshold')}
            min={0}
            max={1}
            step="any"
            value={v.adaptiveThreshold ?? ''}
            onChange={(adaptiveThreshold) => set({ adaptiveThreshold })}
          />
        </div>
      )}
    </>
  );
}
