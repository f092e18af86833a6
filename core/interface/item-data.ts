import { awaitingFields } from './awaiting.ts';
import { describeValue, type FieldError, fieldError, isPlainObject } from './field-error.ts';
import { fieldKindOf } from './fields/registry.ts';
import type { InterfaceDefinition } from './interface.ts';
import { questionKindOf } from './questions/registry.ts';

/**
 * Checks an item's `data` against the interface's fields: every declared field must be present with
 * a value its type accepts, except a `responses` field awaiting candidates (absent or `[]`:
 * awaiting.ts), whose questions' item checks wait for the candidates too. Extra keys are allowed
 * (kept as metadata). Returns [] when fine.
 */
export function validateItemData(iface: InterfaceDefinition, data: unknown): FieldError[] {
  if (!isPlainObject(data)) return [fieldError('data', `must be an object, got ${describeValue(data)}`)];
  const errors: FieldError[] = [];
  const awaiting = new Set(awaitingFields(iface, data));
  for (const field of iface.fields) {
    if (awaiting.has(field.name)) continue;
    const path = `data.${field.name}`;
    if (!Object.hasOwn(data, field.name)) {
      errors.push(fieldError(path, 'missing'));
      continue;
    }
    const problem = fieldKindOf(field.type).checkValue(data[field.name], field);
    if (problem !== undefined) errors.push(fieldError(path, problem));
  }
  if (errors.length > 0) return errors;
  // What questions need of an item beyond its fields (a pair needs exactly two candidates).
  for (const question of iface.questions) {
    const problem = questionKindOf(question.type).checkItem?.(question, data);
    if (problem && !awaiting.has(problem.field))
      errors.push(fieldError(`data.${problem.field}`, problem.message));
  }
  return errors;
}
