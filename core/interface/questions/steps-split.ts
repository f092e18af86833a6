import { candidatesOf } from '../fields/candidate.ts';

export type StepSplit = 'given' | 'paragraphs' | 'lines';

/**
 * A text cut into steps: by blank lines (`paragraphs`) or by lines (`lines`), each trimmed, empty
 * ones dropped. The editor, the validator and the exports all cut with this one function, so step
 * numbers mean the same everywhere.
 */
export function splitSteps(text: string, split: 'paragraphs' | 'lines'): string[] {
  const parts =
    split === 'lines' ? text.split(/\r\n|\r|\n/) : text.split(/(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)\s*/);
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

/**
 * The steps a `steps` question shows for an item: for candidates, those of `candidate` (the given
 * `steps` list, or its content cut); for a text field, `data[stepsKey]` when given, else the text
 * cut. Returns undefined when the item has no such candidate or no given steps.
 */
export function stepsOf(
  q: { field: string; split: StepSplit; stepsKey?: string | undefined },
  data: Record<string, unknown>,
  candidate?: string,
): string[] | undefined {
  const value = Object.hasOwn(data, q.field) ? data[q.field] : undefined;
  if (Array.isArray(value)) {
    const c = candidatesOf(data, q.field).find((x) => x.id === candidate);
    if (!c) return undefined;
    if (q.split === 'given') return c.steps;
    return splitSteps(c.content, q.split);
  }
  if (typeof value !== 'string') return undefined;
  if (q.split === 'given') {
    const given = q.stepsKey !== undefined && Object.hasOwn(data, q.stepsKey) ? data[q.stepsKey] : undefined;
    return Array.isArray(given) && given.every((s) => typeof s === 'string')
      ? (given as string[])
      : undefined;
  }
  return splitSteps(value, q.split);
}
