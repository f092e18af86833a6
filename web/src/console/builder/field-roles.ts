import { questionKindOf, questionTypes } from '../../../../core/interface/index.ts';
import type { PathError } from '../pathErrors.ts';
import type { QuestionDraft } from './draft.ts';
import { newCriterion } from './draft-criteria.ts';

/** A field of the interface being built, as a question's field pickers offer it. */
export interface FieldChoice {
  name: string;
  type: string;
}

/** What the inputs of one question type are given. */
export interface KindProps {
  q: QuestionDraft;
  /** The question's form path (`questions[2]`). */
  at: string;
  fields: readonly FieldChoice[];
  errors: readonly PathError[];
  onChange(patch: Partial<QuestionDraft>): void;
}

/**
 * The field types each field-naming property of a question type accepts (`field`, `prompt`), as
 * core's question kind declares them, so the pickers offer what the interface check accepts.
 */
export function fieldRoles(type: string): Record<string, readonly string[]> {
  if (!questionTypes.includes(type)) return {};
  const refs = questionKindOf(type).fieldRefs?.({ name: 'q', type, field: 'f', prompt: 'p' } as never) ?? [];
  return Object.fromEntries(refs.map((r) => [r.key, r.types]));
}

/** The names of the fields of these types, in the interface's order. */
export const fitting = (fields: readonly FieldChoice[], types: readonly string[] | undefined): string[] =>
  fields.filter((f) => f.name !== '' && types?.includes(f.type)).map((f) => f.name);

/** The field a question's prompt comes from when it names none (core's promptFieldOf, on the form). */
export const defaultPrompt = (fields: readonly FieldChoice[], field: string): string | undefined =>
  fields.find((f) => f.name !== '' && (f.type === 'chat' || f.type === 'text') && f.name !== field)?.name;

/**
 * What changing a question to `type` changes besides the type: properties of the old type that
 * only JSON held are dropped, a field that does not fit the new type is replaced by the first one
 * that does, and the new type starts with what it needs (a rubric one criterion, turns a rating).
 */
export function retype(
  q: QuestionDraft,
  type: string,
  fields: readonly FieldChoice[],
): Partial<QuestionDraft> {
  const roles = fieldRoles(type);
  const patch: Partial<QuestionDraft> = { type, extra: {} };
  const fieldTypes = roles.field;
  if (fieldTypes && !fitting(fields, fieldTypes).includes(q.field)) {
    // A rewrite may have no field (written from scratch), a live question none (no opening turns);
    // the others need one.
    patch.field = fitting(fields, fieldTypes)[0] ?? (type === 'rewrite' || type === 'live' ? '' : q.field);
  }
  if (q.prompt !== undefined && !fitting(fields, roles.prompt).includes(q.prompt)) patch.prompt = undefined;
  if (type === 'rubric')
    patch.criteria =
      q.criteria && q.criteria.length > 0
        ? q.criteria.map((c) => (c.scale === 'none' ? { ...c, scale: 'range', min: '1', max: '5' } : c))
        : [newCriterion()];
  if ((type === 'turns' || type === 'live') && !q.askRating && !q.askFlags && !q.rewrite)
    patch.askRating = true;
  return patch;
}
