import type { InterfaceDefinition } from '../../core/interface/index.ts';
import { validateAnswers } from '../../core/interface/index.ts';
import { AppError } from '../http/errors.ts';

/** The answers checked against the interface and the item, normalised; INVALID_ANSWERS otherwise. */
export function checkAnswers(
  iface: InterfaceDefinition,
  answers: unknown,
  data: Record<string, unknown>,
  partial: boolean,
) {
  const result = validateAnswers(iface, answers, data, { partial });
  if (!result.ok) {
    const first = result.errors[0];
    throw new AppError(
      'INVALID_ANSWERS',
      first ? `${first.path}: ${first.message}` : undefined,
      result.errors,
    );
  }
  return result.value;
}
