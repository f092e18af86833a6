/**
 * The criteria of a pairwise or rubric question as the builder edits them: numbers as typed, and
 * every property the form does not know kept in `extra`, like the rest of the draft (draft.ts).
 */
import { type Extra, isObject, newKey, text, typed, without } from './draft-values.ts';

/** How a rubric criterion is scored; `none` while the JSON names no scale (validation says so). */
export type CriterionScale = 'range' | 'pass_fail' | 'none';

export interface CriterionDraft {
  key: string;
  name: string;
  /** '' for none. */
  label: string;
  /** Rubric only. undefined: no description (an empty one given in JSON stays empty). */
  description: string | undefined;
  scale: CriterionScale;
  /** The bounds of a `range` scale, as typed. */
  min: string;
  max: string;
  /** As typed; '' leaves the default (1). */
  weight: string;
  extra: Extra;
}

/** The properties of a criterion each question type edits. */
export const criterionProperties = {
  pairwise: ['name', 'label'],
  rubric: ['name', 'label', 'description', 'scale', 'weight'],
} as const;
export type CriteriaOf = keyof typeof criterionProperties;

/** A new criterion: for a rubric, scored from 1 to 5. */
export const newCriterion = (name = ''): CriterionDraft => ({
  key: newKey(),
  name,
  label: '',
  description: undefined,
  scale: 'range',
  min: '1',
  max: '5',
  weight: '',
  extra: {},
});

export function criterionFromRaw(raw: unknown, of: CriteriaOf): CriterionDraft {
  const c = isObject(raw) ? raw : {};
  const scale = c.scale;
  const range = isObject(scale) ? scale : undefined;
  return {
    key: newKey(),
    name: text(c.name),
    label: text(c.label),
    description: c.description === undefined ? undefined : text(c.description),
    scale: scale === 'pass_fail' ? 'pass_fail' : range ? 'range' : 'none',
    min: range ? text(range.min) : '',
    max: range ? text(range.max) : '',
    weight: text(c.weight),
    extra: without(c, criterionProperties[of]),
  };
}

export function criterionToRaw(c: CriterionDraft, of: CriteriaOf): Extra {
  const out: Extra = { name: c.name };
  if (c.label !== '') out.label = c.label;
  if (of === 'rubric') {
    if (c.description !== undefined) out.description = c.description;
    if (c.scale === 'pass_fail') out.scale = 'pass_fail';
    else if (c.scale === 'range') {
      const min = typed(c.min);
      const max = typed(c.max);
      out.scale = { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
    }
    const weight = typed(c.weight);
    if (weight !== undefined) out.weight = weight;
  }
  return { ...out, ...c.extra };
}

/** A list of criteria read from JSON; undefined when the question has none (pairwise may not). */
export const criteriaFromRaw = (raw: unknown, of: CriteriaOf): CriterionDraft[] | undefined =>
  Array.isArray(raw) ? raw.map((c) => criterionFromRaw(c, of)) : undefined;
