import { z } from 'zod';
import { describeValue, listForMessage } from '../field-error.ts';
import { candidatesOf } from '../fields/responses.ts';
import { Identifier } from '../names.ts';
import type { FieldRef } from './kind.ts';

/**
 * What the questions over candidate answers share: `field` names the `responses` field (or, where a
 * kind allows, a text or chat field), `prompt` the field holding the prompt (by default the item's
 * first chat or text field: see prompt.ts).
 */
export const overCandidates = {
  field: Identifier,
  prompt: Identifier.optional().describe(
    "the field holding the prompt; by default the item's first chat or text field",
  ),
};

/** The field references of a question over candidates, checked when the interface is parsed. */
export function candidateRefs(
  q: { field?: string | undefined; prompt?: string | undefined },
  fieldTypes: readonly string[],
): FieldRef[] {
  const refs: FieldRef[] = [];
  if (q.field !== undefined) refs.push({ key: 'field', name: q.field, types: fieldTypes });
  if (q.prompt !== undefined) refs.push({ key: 'prompt', name: q.prompt, types: ['chat', 'text'] });
  return refs;
}

/** The candidate ids of an item's `responses` field, in the item's order. */
export const candidateIds = (data: Record<string, unknown>, field: string): string[] =>
  candidatesOf(data, field).map((c) => c.id);

/** Why `value` does not name one of `ids`, or undefined. */
export function notACandidate(value: unknown, ids: readonly string[]): string | undefined {
  if (typeof value === 'string' && ids.includes(value)) return undefined;
  return `unknown candidate ${describeValue(value)}; the item's candidates are ${listForMessage(ids.map((id) => JSON.stringify(id)))}`;
}

/** A free-text note in an answer (justification, comment, correction): bounded. */
export const NOTE_MAX = 20_000;
export function checkNote(value: unknown, what: string): string | undefined {
  if (typeof value !== 'string') return `${what} must be a string, got ${describeValue(value)}`;
  if (value.length > NOTE_MAX)
    return `${what} is ${value.length} characters long, above the maximum ${NOTE_MAX}`;
  return undefined;
}

export const isBlankText = (s: unknown) => typeof s !== 'string' || s.trim() === '';
export const CriterionName = z.strictObject({
  name: Identifier,
  label: z.string().min(1).max(500).optional(),
});

/** Adds an issue at `criteria[i].name` for each criterion whose name an earlier one already has. */
export function checkCriterionNames(
  criteria: readonly { name: string }[] | undefined,
  ctx: Pick<z.RefinementCtx, 'addIssue'>,
): void {
  const seen = new Set<string>();
  criteria?.forEach((c, i) => {
    if (seen.has(c.name))
      ctx.addIssue({
        code: 'custom',
        path: ['criteria', i, 'name'],
        message: `duplicate criterion "${c.name}"`,
      });
    seen.add(c.name);
  });
}

/**
 * Whether a field that may be text or candidates holds candidates. Item data is checked against
 * the fields before answers are, so the value's shape tells the field's type.
 */
export const isCandidateList = (data: Record<string, unknown>, field: string): boolean =>
  Array.isArray(Object.hasOwn(data, field) ? data[field] : undefined);
